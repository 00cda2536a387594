/**
 * The touches of a campaign sequence as Stage 5 resolves them, and the contact detail each
 * channel needs. Here, in the base layer, because the Stage 5 schema checks that every
 * prospect has the detail their touches go out by (an email touch needs `email`, a call
 * `phone`, a LinkedIn message `linkedin`); src/outreach/sequences.ts plans with the same
 * resolution and re-exports it.
 */

export type Channel = 'email' | 'call' | 'linkedin';

export interface Touch {
  /** Days after the prospect's start date; day 0 is the start date itself. */
  day: number;
  channel: Channel;
  template: string;
}

export const PRESET_NAMES = ['five-touch-cold', 'follow-up'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const SEQUENCE_PRESETS: Readonly<Record<PresetName, readonly Touch[]>> = {
  'five-touch-cold': [
    { day: 0, channel: 'email', template: 'cold-1-problem' },
    { day: 3, channel: 'email', template: 'cold-2-insight' },
    { day: 7, channel: 'email', template: 'cold-3-case-study' },
    { day: 14, channel: 'email', template: 'cold-4-value' },
    { day: 21, channel: 'email', template: 'cold-5-breakup' },
  ],
  'follow-up': [
    { day: 2, channel: 'email', template: 'follow-up-1-recap' },
    { day: 4, channel: 'call', template: 'follow-up-2-call' },
    { day: 7, channel: 'email', template: 'follow-up-3-value' },
    { day: 10, channel: 'linkedin', template: 'follow-up-4-linkedin' },
    { day: 14, channel: 'email', template: 'follow-up-5-breakup' },
  ],
};

/** A campaign's `sequence` front matter (src/schema/stages.ts `campaignActionsSchema`). */
export interface SequenceInput {
  preset?: string | null | undefined;
  start?: string | null | undefined;
  touches?: readonly Touch[] | null | undefined;
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * The touches of a sequence, in day order: explicit `touches` win over the preset (a
 * campaign that spells out its touches means exactly those); otherwise the named preset
 * (matched case-insensitively); otherwise none. The sort is stable, so touches written
 * on the same day keep their written order, and touch numbers count in this order.
 */
export function resolveSequence(sequence: SequenceInput | null | undefined): Touch[] {
  const explicit = sequence?.touches ?? [];
  if (explicit.length > 0) return [...explicit].sort((a, b) => a.day - b.day);
  const preset = sequence?.preset?.trim().toLowerCase() ?? '';
  return isPresetName(preset) ? [...SEQUENCE_PRESETS[preset]] : [];
}

/** The prospect's field a touch of each channel is sent to. */
export const CONTACT_FIELD: Readonly<Record<Channel, 'email' | 'phone' | 'linkedin'>> = { email: 'email', call: 'phone', linkedin: 'linkedin' };

/** A prospect's contact details, any of which may be missing (a call-only prospect has no email). */
export interface ProspectContacts {
  email?: string | null | undefined;
  linkedin?: string | null | undefined;
  phone?: string | null | undefined;
}
