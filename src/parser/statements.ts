/**
 * Statements and the entry points `parse` and `parseQuery`.
 *
 * Statements are separated by `;`. Empty statements, as in `;;` or a trailing `;`, are
 * skipped, so an input of only comments and semicolons parses to an empty list.
 */
import { EOF, tokenMatcher, type TokenType } from 'chevrotain';
import type { Expr, QualifiedName, QueryExpr, Statement } from './ast.js';
import { ParseError } from './errors.js';
import { lex, spanAt, spanOf } from './lexer.js';
import { identifierValue } from './names.js';
import { QueryParser } from './queries.js';
import { EXPECT_EXPLAINED_QUERY, EXPECT_EXPRESSION, EXPECT_SETTING_NAME, EXPECT_TABLE_NAME } from './syntax-error.js';
import {
  Analyze,
  AnyWord,
  Describe,
  Dot,
  Equals,
  Explain,
  False,
  Name,
  Null,
  Reset,
  Semicolon,
  SetKeyword,
  Show,
  Tables,
  To,
  True,
} from './tokens.js';

/** Words that are literals even where a bare word would be read as text. */
const LITERAL_WORDS: ReadonlySet<TokenType> = new Set([True, False, Null]);

class SqlParser extends QueryParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }

  /** Parses a script of statements separated by `;`. Throws ParseError. */
  parseScript(sql: string): Statement[] {
    this.startInput(sql, lex(sql));
    let statements: Statement[];
    try {
      statements = this.script();
    } catch (error) {
      // NOTE: input nested up to MAX_NESTING_DEPTH fits on Node's default stack with room to
      // spare, but a caller that has used most of the stack already can run out first. The
      // stack overflow then becomes a ParseError at the token where parsing stopped.
      if (error instanceof RangeError) throw this.stackExhausted();
      throw error;
    }
    const error = this.errors[0];
    if (error !== undefined) throw this.translate(error);
    return statements;
  }

  private readonly script = this.RULE('script', (): Statement[] => {
    const statements: Statement[] = [];
    this.MANY(() => this.CONSUME(Semicolon));
    this.MANY2(() => {
      statements.push(this.SUBRULE(this.statement));
      this.OR([
        { ALT: () => this.AT_LEAST_ONE(() => this.CONSUME2(Semicolon)) },
        { ALT: () => this.CONSUME(EOF) },
      ]);
    });
    return statements;
  });

  private readonly statement = this.RULE('statement', (): Statement => {
    this.beginStatement();
    const start = this.ACTION(() => spanOf(this.LA(1)));
    return this.OR([
      {
        ALT: () => {
          const query = this.SUBRULE(this.queryExpr);
          return this.ACTION((): Statement => ({ kind: 'query', span: this.spanFrom(start), query }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Explain);
          this.expecting('ANALYZE');
          const analyze = this.OPTION(() => this.CONSUME(Analyze)) !== undefined;
          const query = this.OR2({
            DEF: [{ ALT: () => this.SUBRULE2(this.queryExpr) }],
            ERR_MSG: EXPECT_EXPLAINED_QUERY,
          });
          return this.ACTION((): Statement => ({ kind: 'explain', span: this.spanFrom(start), analyze, query }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Describe);
          const table = this.SUBRULE(this.tableName);
          return this.ACTION((): Statement => ({ kind: 'describe', span: this.spanFrom(start), table }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Show);
          this.CONSUME(Tables);
          return this.ACTION((): Statement => ({ kind: 'show_tables', span: this.spanFrom(start) }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(SetKeyword);
          const name = this.SUBRULE(this.settingName);
          this.OR3([{ ALT: () => this.CONSUME(Equals) }, { ALT: () => this.CONSUME(To) }]);
          const value = this.SUBRULE(this.settingValue);
          return this.ACTION((): Statement => ({ kind: 'set', span: this.spanFrom(start), name, value }));
        },
      },
      {
        ALT: () => {
          this.CONSUME(Reset);
          const name = this.SUBRULE2(this.settingName);
          return this.ACTION((): Statement => ({ kind: 'reset', span: this.spanFrom(start), name }));
        },
      },
    ]);
  });

  private readonly tableName = this.RULE('tableName', (): QualifiedName => {
    const first = this.CONSUME(Name, { ERR_MSG: EXPECT_TABLE_NAME });
    const second = this.OPTION(() => {
      this.CONSUME(Dot);
      return this.CONSUME2(Name, { ERR_MSG: EXPECT_TABLE_NAME });
    });
    return this.ACTION((): QualifiedName => {
      if (second === undefined) {
        return { kind: 'qualified_name', span: spanOf(first), keyspace: null, name: identifierValue(first) };
      }
      return {
        kind: 'qualified_name',
        span: this.spanFrom(spanOf(first)),
        keyspace: identifierValue(first),
        name: identifierValue(second),
      };
    });
  });

  /** Reads a setting name. The parts of a dotted name are joined with `.`. */
  private readonly settingName = this.RULE('settingName', (): string => {
    const parts = [this.CONSUME(Name, { ERR_MSG: EXPECT_SETTING_NAME })];
    this.MANY(() => {
      this.CONSUME(Dot);
      parts.push(this.CONSUME2(Name, { ERR_MSG: EXPECT_SETTING_NAME }));
    });
    return this.ACTION(() => parts.map(identifierValue).join('.'));
  });

  /**
   * Reads the value of SET: an expression, or a bare word that ends the statement, which is
   * read as a string literal of its text. A bare word may be reserved, as in
   * `SET pushdown_aggregation = off` or `= on`. TRUE, FALSE and NULL stay literals.
   */
  private readonly settingValue = this.RULE('settingValue', (): Expr =>
    this.OR({
      DEF: [
        {
          GATE: () => this.isBareWordValue(),
          ALT: () => {
            const word = this.CONSUME(AnyWord);
            return this.ACTION((): Expr => ({ kind: 'literal', span: spanOf(word), value: { type: 'string', value: word.image } }));
          },
        },
        { ALT: () => this.SUBRULE(this.expr) },
      ],
      // The gate separates a bare word from an expression, so one token of lookahead is enough.
      MAX_LOOKAHEAD: 1,
      ERR_MSG: EXPECT_EXPRESSION,
    }),
  );

  private isBareWordValue(): boolean {
    const word = this.LA(1);
    const next = this.LA(2).tokenType;
    const endsStatement = next === Semicolon || next === EOF;
    return tokenMatcher(word, AnyWord) && !LITERAL_WORDS.has(word.tokenType) && endsStatement;
  }
}

/** The parser is built once, because building it analyses the whole grammar. */
let sharedParser: SqlParser | null = null;

/** Parses a script of zero or more statements separated by `;`. Throws ParseError. */
export function parse(sql: string): Statement[] {
  sharedParser ??= new SqlParser();
  return sharedParser.parseScript(sql);
}

/**
 * Parses text that must contain exactly one query statement, such as `SELECT ...` or
 * `WITH ... SELECT ...`, and returns the query. Throws ParseError.
 */
export function parseQuery(sql: string): QueryExpr {
  const statements = parse(sql);
  const first = statements[0];
  if (statements.length === 1 && first!.kind === 'query') return first!.query;

  let message: string;
  let span = spanAt(sql, 0, sql.length);
  if (first === undefined) {
    message = 'expected a query, found no statement';
  } else if (first.kind !== 'query') {
    message = `expected a query, found a ${first.kind.replace('_', ' ').toUpperCase()} statement`;
    span = first.span;
  } else {
    message = `expected one query, found ${statements.length} statements`;
    span = statements[1]!.span;
  }
  throw new ParseError('PARSE_NOT_A_SINGLE_QUERY', message, span, 'Pass a single SELECT query.', sql);
}
