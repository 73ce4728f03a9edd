// What the modules of summary rows kept by triggers share: how a trigger's statement is written, and its name read
// back. The text must stay as it is: migrations hold it frozen, and tests compare the two.

/** An AFTER trigger running `body`, one statement a line. */
export const createTrigger = (name: string, event: string, table: string, body: string[]) =>
  `CREATE TRIGGER ${name} AFTER ${event} ON ${table} BEGIN
  ${body.join(";\n  ")};
END`;

/** The names of the triggers these statements create (for dropping them around a bulk load, and for the tests). */
export const triggerNamesOf = (statements: string[]) => statements.map((t) => /CREATE TRIGGER (\w+)/.exec(t)![1]);
