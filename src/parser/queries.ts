/**
 * Queries: WITH, SELECT and its clauses, FROM sources, UNION ALL, and the ORDER BY, LIMIT and
 * OFFSET that close a query.
 *
 *   query   := [WITH cte, ...] operand (UNION ALL operand)* [ORDER BY ...] [LIMIT n] [OFFSET m]
 *   operand := select | ( query )
 *
 * ORDER BY, LIMIT and OFFSET after a union apply to the whole union. An operand that needs its
 * own ORDER BY or LIMIT is written in parentheses.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Cte, Expr, OrderItem, QueryExpr, SelectItem, SelectQuery, Source, Span } from './ast.js';
import { CallParser } from './calls.js';
import { JOIN_WORDS } from './keywords.js';
import { spanOf } from './lexer.js';
import { identifierValue } from './names.js';
import {
  EXPECT_ALIAS,
  EXPECT_CTE_NAME,
  EXPECT_EXPRESSION,
  EXPECT_SUBQUERY_ALIAS,
  EXPECT_TABLE_NAME,
} from './syntax-error.js';
import {
  All,
  As,
  By,
  Comma,
  Distinct,
  Dot,
  Except,
  From,
  Group,
  Having,
  Intersect,
  KEYWORD_TYPES,
  Limit,
  LParen,
  Name,
  Offset,
  Order,
  Qualify,
  RParen,
  Select,
  Star,
  Union,
  Where,
  With,
} from './tokens.js';

interface QueryTail {
  readonly orderBy: readonly OrderItem[];
  readonly limit: Expr | null;
  readonly offset: Expr | null;
  /** First token of each clause present, for error spans. */
  readonly tokens: readonly IToken[];
}

const JOIN_HINT =
  'Aggregate each table in its own query and combine the results in the application, ' +
  'or pre-aggregate in a subquery, as in FROM (SELECT ... GROUP BY ...) AS s, so the query reads one source.';

const JOIN_TOKEN_TYPES: ReadonlySet<TokenType> = new Set([...JOIN_WORDS].map((word) => KEYWORD_TYPES.get(word)!));
const JOIN = KEYWORD_TYPES.get('JOIN')!;

function isJoinWord(token: IToken): boolean {
  return JOIN_TOKEN_TYPES.has(token.tokenType);
}

export abstract class QueryParser extends CallParser {
  protected readonly queryExpr = this.RULE('queryExpr', (): QueryExpr => {
    this.enterNesting();
    const start = this.ACTION(() => this.spanOfToken(this.LA(1)));
    const ctes = this.OPTION(() => this.SUBRULE(this.withClause)) ?? [];
    let body = this.SUBRULE(this.unionOperand);
    this.MANY(() => {
      const union = this.CONSUME(Union);
      this.ACTION(() => {
        if (this.LA(1).tokenType !== All) {
          throw this.error(
            'PARSE_SET_OPERATION_UNSUPPORTED',
            'UNION without ALL is not supported',
            spanOf(union),
            'Write UNION ALL, and remove duplicates with SELECT DISTINCT * FROM (... UNION ALL ...) AS u.',
          );
        }
      });
      this.CONSUME(All);
      const right = this.SUBRULE2(this.unionOperand);
      body = this.ACTION(
        (): QueryExpr => ({
          kind: 'union_all',
          span: this.spanFrom(body.span),
          with: [],
          left: body,
          right,
          orderBy: [],
          limit: null,
          offset: null,
        }),
      );
    });
    this.expecting('UNION ALL');
    this.rejectSetOperation();
    const tail = this.SUBRULE(this.queryTail);
    const query = this.ACTION(() => this.attachClauses(body, ctes, tail, start));
    this.leaveNesting();
    return query;
  });

  /** Throws PARSE_SET_OPERATION_UNSUPPORTED when the next token is INTERSECT or EXCEPT. */
  private rejectSetOperation(): void {
    if (this.RECORDING_PHASE) return;
    const token = this.LA(1);
    if (token.tokenType === Intersect || token.tokenType === Except) {
      throw this.error(
        'PARSE_SET_OPERATION_UNSUPPORTED',
        `${token.image.toUpperCase()} is not supported`,
        spanOf(token),
        'Only UNION ALL combines queries. Compute each query separately and compare the results in the application.',
      );
    }
  }

  private readonly withClause = this.RULE('withClause', (): Cte[] => {
    this.CONSUME(With);
    const ctes: Cte[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        ctes.push(this.SUBRULE(this.cte));
        this.expecting("','");
      },
      ERR_MSG: EXPECT_CTE_NAME,
    });
    return ctes;
  });

  private readonly cte = this.RULE('cte', (): Cte => {
    const name = this.CONSUME(Name, { ERR_MSG: EXPECT_CTE_NAME });
    this.CONSUME(As);
    this.CONSUME(LParen);
    const query = this.SUBRULE(this.queryExpr);
    this.CONSUME(RParen);
    return this.ACTION((): Cte => ({ kind: 'cte', span: this.spanFrom(spanOf(name)), name: identifierValue(name), query }));
  });

  /** Reads a SELECT, or a query in parentheses used as a UNION ALL operand. */
  private readonly unionOperand = this.RULE('unionOperand', (): QueryExpr =>
    this.OR([
      { ALT: () => this.SUBRULE(this.select) },
      {
        ALT: () => {
          const open = this.CONSUME(LParen);
          const query = this.SUBRULE(this.queryExpr);
          this.CONSUME(RParen);
          return this.ACTION((): QueryExpr => ({ ...query, span: this.spanFrom(spanOf(open)) }));
        },
      },
    ]),
  );

  /** Reads `[ORDER BY ...]` and then LIMIT and OFFSET in either order. */
  private readonly queryTail = this.RULE('queryTail', (): QueryTail => {
    const tokens: IToken[] = [];
    this.expecting('ORDER BY');
    const orderBy =
      this.OPTION(() => {
        const order = this.CONSUME(Order);
        this.ACTION(() => tokens.push(order));
        this.CONSUME(By);
        return this.SUBRULE(this.orderItems);
      }) ?? [];

    let limit: Expr | null = null;
    let offset: Expr | null = null;
    const expectMissingClauses = (): void => {
      if (limit === null) this.expecting('LIMIT');
      if (offset === null) this.expecting('OFFSET');
    };
    expectMissingClauses();
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const keyword = this.CONSUME(Limit);
            this.ACTION(() => {
              if (limit !== null) this.failDuplicateClause(keyword);
              tokens.push(keyword);
            });
            limit = this.SUBRULE(this.expr);
          },
        },
        {
          ALT: () => {
            const keyword = this.CONSUME(Offset);
            this.ACTION(() => {
              if (offset !== null) this.failDuplicateClause(keyword);
              tokens.push(keyword);
            });
            offset = this.SUBRULE2(this.expr);
          },
        },
      ]);
      expectMissingClauses();
    });
    return { orderBy, limit, offset, tokens };
  });

  private failDuplicateClause(token: IToken): never {
    const clause = token.image.toUpperCase();
    throw this.error(
      'PARSE_DUPLICATE_CLAUSE',
      `the query has two ${clause} clauses`,
      spanOf(token),
      `Remove one of the ${clause} clauses.`,
    );
  }

  /**
   * Puts the WITH clause and the closing clauses on the query they belong to. They can clash
   * only with a parenthesised query that has its own, as in `(SELECT ... LIMIT 1) LIMIT 2`.
   */
  private attachClauses(body: QueryExpr, ctes: readonly Cte[], tail: QueryTail, start: Span): QueryExpr {
    const clash = (present: boolean, given: boolean, token: IToken | undefined, clause: string): void => {
      if (!present || !given) return;
      throw this.error(
        'PARSE_DUPLICATE_CLAUSE',
        `the query in parentheses already has its own ${clause} clause`,
        token === undefined ? start : spanOf(token),
        `Move the ${clause} clause inside or outside the parentheses, or select from the parenthesised query as a subquery.`,
      );
    };
    const orderToken = tail.orderBy.length > 0 ? tail.tokens[0] : undefined;
    const limitToken = tail.tokens.find((token) => token.tokenType === Limit);
    const offsetToken = tail.tokens.find((token) => token.tokenType === Offset);
    clash(body.with.length > 0, ctes.length > 0, undefined, 'WITH');
    clash(body.orderBy.length > 0, tail.orderBy.length > 0, orderToken, 'ORDER BY');
    clash(body.limit !== null, tail.limit !== null, limitToken, 'LIMIT');
    clash(body.offset !== null, tail.offset !== null, offsetToken, 'OFFSET');

    if (ctes.length === 0 && tail.tokens.length === 0) return body;
    return {
      ...body,
      span: this.spanFrom(start),
      with: ctes.length > 0 ? ctes : body.with,
      orderBy: tail.orderBy.length > 0 ? tail.orderBy : body.orderBy,
      limit: tail.limit ?? body.limit,
      offset: tail.offset ?? body.offset,
    };
  }

  /** Reads `SELECT ... [FROM] [WHERE] [GROUP BY] [HAVING] [QUALIFY]`, without the closing clauses. */
  private readonly select = this.RULE('select', (): SelectQuery => {
    const start = this.CONSUME(Select);
    this.expecting('DISTINCT');
    const distinct = this.OPTION(() => this.CONSUME(Distinct)) !== undefined;
    const items = this.SUBRULE(this.selectItems);
    this.expecting('FROM');
    const from =
      this.OPTION2(() => {
        this.CONSUME(From);
        return this.SUBRULE(this.source);
      }) ?? null;
    this.expecting('WHERE');
    const where =
      this.OPTION3(() => {
        this.CONSUME(Where);
        return this.SUBRULE(this.expr);
      }) ?? null;
    this.expecting('GROUP BY');
    const groupBy =
      this.OPTION4(() => {
        this.CONSUME(Group);
        this.CONSUME(By);
        return this.SUBRULE(this.exprList);
      }) ?? [];
    this.expecting('HAVING');
    const having =
      this.OPTION5(() => {
        this.CONSUME(Having);
        return this.SUBRULE2(this.expr);
      }) ?? null;
    this.expecting('QUALIFY');
    const qualify =
      this.OPTION6(() => {
        this.CONSUME(Qualify);
        return this.SUBRULE3(this.expr);
      }) ?? null;

    return this.ACTION(
      (): SelectQuery => ({
        kind: 'select',
        span: this.spanFrom(spanOf(start)),
        with: [],
        distinct,
        items,
        from,
        where,
        groupBy,
        having,
        qualify,
        orderBy: [],
        limit: null,
        offset: null,
      }),
    );
  });

  private readonly selectItems = this.RULE('selectItems', (): SelectItem[] => {
    const items: SelectItem[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: Comma,
      DEF: () => {
        items.push(this.SUBRULE(this.selectItem));
        this.expecting("','");
      },
      ERR_MSG: EXPECT_EXPRESSION,
    });
    return items;
  });

  private readonly selectItem = this.RULE('selectItem', (): SelectItem => {
    const start = this.ACTION(() => spanOf(this.LA(1)));
    return this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(Star);
            return this.ACTION((): SelectItem => ({ kind: 'star', span: start, qualifier: null }));
          },
        },
        {
          ALT: () => {
            const qualifier = this.CONSUME(Name);
            this.CONSUME(Dot);
            this.CONSUME2(Star);
            return this.ACTION(
              (): SelectItem => ({ kind: 'star', span: this.spanFrom(start), qualifier: identifierValue(qualifier) }),
            );
          },
        },
        {
          ALT: () => {
            const expr = this.SUBRULE(this.expr);
            const alias = this.SUBRULE(this.alias);
            return this.ACTION((): SelectItem => ({ kind: 'expr_item', span: this.spanFrom(start), expr, alias }));
          },
        },
      ],
      ERR_MSG: EXPECT_EXPRESSION,
    });
  });

  /** Reads `AS name`, or a name without AS, or nothing. */
  private readonly alias = this.RULE('alias', (): string | null => {
    this.expecting('AS');
    const token = this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(As);
            return this.CONSUME(Name, { ERR_MSG: EXPECT_ALIAS });
          },
        },
        {
          ALT: () => {
            const word = this.CONSUME2(Name);
            this.markImplicitAlias(word);
            return word;
          },
        },
      ]),
    );
    return this.ACTION(() => (token === undefined ? null : identifierValue(token)));
  });

  /** Reads `[keyspace.]table [[AS] alias]` or `(query) [AS] alias`, then rejects any join. */
  private readonly source = this.RULE('source', (): Source => {
    const start = this.ACTION(() => spanOf(this.LA(1)));
    const source = this.OR({
      DEF: [
        {
          ALT: () => {
            this.CONSUME(LParen);
            const query = this.SUBRULE(this.queryExpr);
            this.CONSUME(RParen);
            this.expecting('AS');
            this.OPTION(() => this.CONSUME(As));
            const alias = this.CONSUME(Name, { ERR_MSG: EXPECT_SUBQUERY_ALIAS });
            return this.ACTION(
              (): Source => ({ kind: 'subquery_ref', span: this.spanFrom(start), query, alias: identifierValue(alias) }),
            );
          },
        },
        {
          ALT: () => {
            const first = this.CONSUME2(Name);
            const second = this.OPTION2(() => {
              this.CONSUME(Dot);
              return this.CONSUME3(Name, { ERR_MSG: EXPECT_TABLE_NAME });
            });
            const alias = this.SUBRULE(this.alias);
            return this.ACTION((): Source => {
              const keyspace = second === undefined ? null : identifierValue(first);
              const table = identifierValue(second ?? first);
              return { kind: 'table_ref', span: this.spanFrom(start), keyspace, table, alias };
            });
          },
        },
      ],
      ERR_MSG: EXPECT_TABLE_NAME,
    });
    this.rejectJoin();
    return source;
  });

  /** Throws PARSE_JOIN_UNSUPPORTED when the next token starts a join or is a comma. */
  private rejectJoin(): void {
    if (this.RECORDING_PHASE) return;
    const token = this.LA(1);
    const comma = token.tokenType === Comma;
    if (!comma && !isJoinWord(token)) return;

    // The span covers the join keywords, such as `LEFT OUTER JOIN`, or the comma.
    let last = token;
    if (!comma) {
      for (let ahead = 1; ahead <= 3 && isJoinWord(this.LA(ahead)); ahead++) {
        last = this.LA(ahead);
        if (last.tokenType === JOIN) break;
      }
    }
    const length = last.startOffset + last.image.length - token.startOffset;
    throw this.error(
      'PARSE_JOIN_UNSUPPORTED',
      comma
        ? 'joins are not supported, and a comma in FROM would join two sources'
        : 'joins are not supported, because a query reads from a single table or subquery',
      { ...spanOf(token), length },
      JOIN_HINT,
    );
  }
}
