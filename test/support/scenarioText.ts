/** Scenario texts the scenario-loading tests start from and edit. */

/** The smallest valid scenario: one voice channel served by one group of 7. */
export const MINIMAL_SCENARIO = `name: Ok
horizon: 1h
channels:
  - id: voice
    kind: voice
    arrivals: { perHour: 100 }
    handle: { dist: exponential, mean: 3m }
agents:
  - id: team
    channels: [voice]
    count: 7
`;

/** Scenario `text` with the line `extra` added under channel `id`, after its handle line. */
export function withChannelLine(text: string, id: string, extra: string): string {
  return text.replace(new RegExp(`(- id: ${id}\\n(?:    .*\\n)*?    handle: .*\\n)`), `$1    ${extra}\n`);
}
