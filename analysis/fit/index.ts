/** Fitting handle-time and patience distributions from call records (issue 14, goal 4): the public names. */
export type { CallOutcome, CallRecord } from './callRecord.js';
export { fitCallRecords, type CallRecordsFitOptions, type ChannelFit } from './callRecordsFit.js';
export { KS_P_VALUE_NOTE, kolmogorovUpperTail, ksDistance, ksPValue } from './goodnessOfFit.js';
export { fitExponential, fitGamma, fitLognormal, gammaShape, summarize, type FamilyFit, type FamilyParameters, type HandleFamily, type SampleSummary } from './handleFamilies.js';
export { fitHandleTimes, type HandleCandidate, type HandleFit } from './handleFit.js';
export { kaplanMeier, type KaplanMeierCurve, type KaplanMeierMedian, type KaplanMeierStep, type SurvivalTime } from './kaplanMeier.js';
export { fitPatience, type ExponentialGap, type ExponentialPatience, type PatienceFit, type PatienceOptions } from './patienceFit.js';
