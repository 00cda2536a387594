/**
 * What to ask a buyer to answer a qualification criterion, by criterion key (frameworks.ts):
 * `threadwork qualify` lists one per criterion that is missing, unknown or weak, so the
 * next call has its questions. Keys shared by frameworks (BANT's and Sandler's `budget`)
 * ask one question.
 */
export const CRITERION_QUESTIONS: Readonly<Record<string, string>> = {
  budget: 'Is money set aside for this, how much, and who holds it?',
  authority: 'Who signs off on this purchase, and have we spoken with them?',
  need: 'What problem does this solve for them, and what does it cost them today?',
  timeline: 'By when must this be live, and what happens if it is not?',
  metrics: 'Which number will this move (days to close, hours, errors), from what to what?',
  economic_buyer: 'Who owns the budget and can say yes alone, and have we met them?',
  decision_criteria: 'What must a solution do or prove for them to choose it?',
  decision_process: 'What are the steps from here to a signature, and who takes part in each?',
  paper_process: 'What do procurement, legal and security need before a contract is signed, and how long does it take?',
  identify_pain: 'What is the pain, who feels it, and what does it cost?',
  champion: 'Who inside wants this to happen and will sell it when we are not in the room?',
  competition: 'What else are they considering, building it themselves and doing nothing included?',
  situation: 'How do they do this today: the tools, the team, the volumes?',
  problem: 'What goes wrong with the way they do it today?',
  implication: 'What does that problem lead to: cost, delay, risk, missed targets?',
  need_payoff: 'What would solving it be worth to them, in their words?',
  pain: 'What is the pain, who feels it, and what does it cost?',
  decision: 'How will they decide, and who decides?',
  teach: 'What insight about their business have we shown them that they did not have?',
  tailor: 'Does our case speak to each stakeholder in their own terms?',
  take_control: 'Have we agreed the next steps and the money openly with them?',
};
