import type { CompanyFacts, IcpProspect, IcpScore } from '../scoring/index.js';
import { scoreIcp } from '../scoring/index.js';
import { unknownSegment, type WorkspaceModel } from '../workspace/model.js';
import { scoringContext } from './thread-scores.js';

/**
 * One company (or a prospect: company, email status, data date) scored against a
 * segment's ICP as the workspace defines it — the generated ICP file when valid, else
 * the segment — with its disqualifiers and triggers applied. What `score`, a deal's
 * `icp_match_score` and the autonomy gates all use. Throws `unknown-segment` for a
 * segment the canvas does not define.
 */
export function scoreCompanyAgainstSegment(model: WorkspaceModel, segmentId: string, prospect: IcpProspect | CompanyFacts, asOf: string): IcpScore {
  const context = scoringContext(model).profiles.get(segmentId);
  if (!context) {
    throw unknownSegment(model, segmentId);
  }
  const asProspect: IcpProspect = 'company' in prospect && prospect.company && typeof prospect.company === 'object' ? (prospect as IcpProspect) : { company: prospect as CompanyFacts };
  return scoreIcp(asProspect, context.profile, { asOf });
}
