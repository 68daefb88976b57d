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
