/** The analytic models: Erlang B, C and A, staffing solvers and their approximations. */
export { erlangB, erlangBWhole, linesForBlocking } from './erlangB.js';
export { erlangC, type ErlangCInput, type ErlangCResult } from './erlangC.js';
export { erlangA, type ErlangAInput, type ErlangAResult } from './erlangA.js';
export {
  DEFAULT_TARGET_SEC,
  MAX_STAFFED_AGENTS,
  fte,
  meetsTargets,
  staffErlangA,
  staffErlangC,
  type ErlangAStaffingInput,
  type Staffing,
  type StaffingInput,
  type StaffingTargets,
} from './staffing.js';
export { halfinWhittBeta, halfinWhittPWait, squareRootStaffing, type SquareRootStaffing } from './squareRoot.js';
export {
  CHAT_APPROXIMATION,
  DEFERRED_APPROXIMATION,
  chatErlangC,
  deferredWorkBaseline,
  staffChat,
  type ChatInput,
  type ChatResult,
  type DeferredBaseline,
  type DeferredInput,
} from './approximations.js';
export { intervalTable, type IntervalStaffing, type IntervalTableInput } from './intervalTable.js';
