/**
 * Who can serve what, compiled to compressed adjacency lists (CSR): for each channel the
 * groups that serve it, for each group the channels it serves, in the order the scenario
 * lists them (that order breaks ties, never chance).
 */
import type { Model } from './model.js';

export class RoutingTable {
  /** groupsOfChannel[groupStart[ch] .. groupStart[ch + 1]) */
  readonly groupStart: Int32Array;
  readonly groupsOfChannel: Int32Array;
  /** channelsOfGroup[channelStart[g] .. channelStart[g + 1]) */
  readonly channelStart: Int32Array;
  readonly channelsOfGroup: Int32Array;

  constructor(model: Model) {
    const C = model.channels.length;
    const G = model.groups.length;
    const byChannel: number[][] = Array.from({ length: C }, () => []);
    model.groups.forEach((g, gi) => g.channels.forEach((ch) => byChannel[ch]?.push(gi)));
    this.groupStart = new Int32Array(C + 1);
    this.groupsOfChannel = Int32Array.from(byChannel.flat());
    for (let ch = 0; ch < C; ch++) this.groupStart[ch + 1] = this.groupStart[ch] + (byChannel[ch]?.length ?? 0);
    this.channelStart = new Int32Array(G + 1);
    this.channelsOfGroup = Int32Array.from(model.groups.flatMap((g) => g.channels));
    for (let g = 0; g < G; g++) this.channelStart[g + 1] = this.channelStart[g] + (model.groups[g]?.channels.length ?? 0);
  }
}
