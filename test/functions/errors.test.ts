import { FunctionInputError, functionError } from '../../src/functions/errors';

describe('functionError', () => {
  const g = globalThis as { CustomFunctions?: unknown };

  afterEach(() => {
    delete g.CustomFunctions;
  });

  it('without the CustomFunctions global: a FunctionInputError with the Excel code and the message', () => {
    const e = functionError('invalidValue', 'row 3, column 2: "abc" is not a number');
    expect(e).toBeInstanceOf(FunctionInputError);
    expect(e).toMatchObject({ code: '#VALUE!', errorName: 'invalidValue', message: 'row 3, column 2: "abc" is not a number' });
    expect(functionError('divisionByZero', 'x')).toMatchObject({ code: '#DIV/0!' });
  });

  it('inside Excel: CustomFunctions.Error with CustomFunctions.ErrorCode', () => {
    class FakeError {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    }
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: '#VALUE!', divisionByZero: '#DIV/0!' } };
    const e = functionError('invalidValue', 'bad') as unknown as FakeError;
    expect(e).toBeInstanceOf(FakeError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('bad');
  });
});
