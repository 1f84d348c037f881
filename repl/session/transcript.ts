/** One finished piece of output above the prompt. Components choose colours by kind. */
export type Entry =
  /** Input that was submitted, echoed after the prompts of `label` with highlighting. */
  | { readonly id: number; readonly kind: 'input'; readonly label: string; readonly text: string }
  /** A result: its rows as text, then the footer. */
  | {
      readonly id: number;
      readonly kind: 'result';
      readonly body: string;
      readonly summary: string;
      readonly warnings: readonly string[];
      readonly cuts: readonly string[];
    }
  | { readonly id: number; readonly kind: 'error'; readonly text: string }
  /** A short status line, such as "cancelled after 1.2 s" or "output goes to out.csv". */
  | { readonly id: number; readonly kind: 'notice'; readonly text: string }
  /** Plain output such as help, a plan or a chart. */
  | { readonly id: number; readonly kind: 'text'; readonly text: string };

/** An entry before it gets its id. */
export type NewEntry = Entry extends infer E ? (E extends { id: number } ? Omit<E, 'id'> : never) : never;
