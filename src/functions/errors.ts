/**
 * Errors the custom functions throw. Inside Excel this is `CustomFunctions.Error`, which shows as
 * the error value in the cell (#VALUE!, #DIV/0!) with the message in the cell's tooltip. Outside
 * Excel (jest, the Node command line) there is no `CustomFunctions` global, so a plain
 * `FunctionInputError` with the same code and message stands in.
 */

export type FunctionErrorName = 'invalidValue' | 'divisionByZero';

/** The Excel error values, as `CustomFunctions.ErrorCode` spells them. */
export const ERROR_VALUES: Record<FunctionErrorName, string> = {
  invalidValue: '#VALUE!',
  divisionByZero: '#DIV/0!',
};

export class FunctionInputError extends Error {
  /** The Excel error value, as on `CustomFunctions.Error` ("#VALUE!"). */
  readonly code: string;
  /** The `CustomFunctions.ErrorCode` member name ("invalidValue"). */
  readonly errorName: FunctionErrorName;

  constructor(errorName: FunctionErrorName, message: string) {
    super(message);
    this.name = 'FunctionInputError';
    this.errorName = errorName;
    this.code = ERROR_VALUES[errorName];
  }
}

/** The error to throw: `CustomFunctions.Error` when running in Excel, else a `FunctionInputError`. */
export function functionError(errorName: FunctionErrorName, message: string): Error {
  if (typeof CustomFunctions !== 'undefined' && typeof CustomFunctions.Error === 'function') {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[errorName], message) as unknown as Error;
  }
  return new FunctionInputError(errorName, message);
}

/** #VALUE! with a message. */
export function invalidValue(message: string): Error {
  return functionError('invalidValue', message);
}

/** #DIV/0! with a message. */
export function divisionByZero(message: string): Error {
  return functionError('divisionByZero', message);
}
