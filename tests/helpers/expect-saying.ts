import { expect } from '@jest/globals';

type Sync<T> = ReturnType<typeof expect<T>>;

/**
 * `expect(value)` whose failure message starts with `message` — what Vitest's `expect(value, message)` did, which
 * Jest's expect refuses ("Expect takes at most one argument"). For assertions in loops or after a request, where
 * the message (the item, the response body) tells which case failed. Works through `.not`, `.resolves`, `.rejects`.
 */
export function expectSaying<T>(value: T, message: string): Sync<T> {
  return labelled(expect(value), message) as Sync<T>;
}

function labelled(target: object, message: string): unknown {
  return new Proxy(target, {
    get(object, key, receiver) {
      const member: unknown = Reflect.get(object, key, receiver);
      if (key === 'not' || key === 'resolves' || key === 'rejects')
        return labelled(member as object, message);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const relabel = (error: unknown) => {
          if (error instanceof Error) {
            const original = error.message;
            error.message = `${message}\n\n${original}`;
            if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
          }
          return error;
        };
        try {
          const result: unknown = member.apply(object, args);
          if (result instanceof Promise)
            return result.catch((error: unknown) => {
              throw relabel(error);
            });
          return result;
        } catch (error) {
          throw relabel(error);
        }
      };
    },
  });
}
