/**
 * A validated campaign → the engine's `CampaignModel` (issue 13): group ids become indices, a
 * single reach or dial rate becomes one per interval, absent limits become Infinity or null,
 * and the defaults (patience 2 s: Ofcom's rule for an answered call; ring 20 s) are filled.
 */
import type { CampaignModel, DistSpec } from '../../engine/model.js';
import type { AgentGroupSpec } from '../schema.js';
import type { CampaignSpec } from '../schema/campaign.js';

/** An answered party not connected within 2 s counts as abandoned (Ofcom, persistent misuse policy, 2016). */
export const DEFAULT_OUTBOUND_PATIENCE: DistSpec = { dist: 'constant', mean: 2 };
/** Ring time before a dial is answered or given up: about 4 rings. */
export const DEFAULT_RING_TIME: DistSpec = { dist: 'constant', mean: 20 };

const perInterval = (v: number | readonly number[], intervals: number): readonly number[] =>
  typeof v === 'number' ? Array.from({ length: intervals }, () => v) : [...v];

export function compileCampaign(c: CampaignSpec, groups: readonly AgentGroupSpec[], intervals: number): CampaignModel {
  return {
    id: c.id,
    groups: c.groups.map((id) => groups.findIndex((g) => g.id === id)),
    mode: c.dialer.mode,
    ratio: c.dialer.ratio ?? 1,
    reserve: c.dialer.reserve,
    maxQueue: c.dialer.maxQueue ?? Infinity,
    listPerDay: c.list ?? Infinity,
    dialsPerHour: c.dialsPerHour === undefined ? null : perInterval(c.dialsPerHour, intervals),
    reach: perInterval(c.reach, intervals),
    handle: c.handle,
    patience: c.patience ?? DEFAULT_OUTBOUND_PATIENCE,
    ringTime: c.ringTime ?? DEFAULT_RING_TIME,
    previewSec: c.preview ?? 0,
  };
}
