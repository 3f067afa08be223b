/**
 * `Promise.withResolvers` (ES2024), which PostGraphile 5's Grafast and
 * @dataplan/pg call and Node.js has only from 22: the project runs on
 * Node.js 20, so the PostGraphile baseline brings the standard one-liner.
 * Without it every connection field fails with "Cannot read properties of
 * undefined (reading 'items')".
 */
interface WithResolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}

const PromiseConstructor = Promise as PromiseConstructor & { withResolvers?: <T>() => WithResolvers<T> };

PromiseConstructor.withResolvers ??= <T>(): WithResolvers<T> => {
  let resolve!: WithResolvers<T>["resolve"];
  let reject!: WithResolvers<T>["reject"];
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};
