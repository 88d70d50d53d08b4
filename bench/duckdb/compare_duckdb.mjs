// compare_duckdb.mjs: the monitoring + reclaim pass of `perfbudget reclaim`
// in DuckDB SQL (issue 9, "Speed and memory"). Benchmark-only: not a
// dependency of the library, its build or its tests.
//
//   cd bench/duckdb && npm install        # @duckdb/node-api (DuckDB's own binary)
//   node bench/duckdb/compare_duckdb.mjs CSV_FOLDER --as-of 2022-08-31
//
// Same figures and same `key value` lines as bench/compare_pandas.py (whose
// docstring lists what is covered and what is not): amounts are read as
// DECIMAL(18,2) and summed exactly (DECIMAL(38,2)); rule comparisons are
// integer cross-multiplications on HUGEINT fen; the exact split across fund
// sources is done in SQL (largest remainder, ties to the lower source).
// The folder is assumed valid (`perfbudget check`): DuckDB's DECIMAL(18,2)
// cast rounds a third decimal ('12.345' → 12.35) where perfbudget refuses it.
// DuckDB uses every core it may (its default) unless DUCKDB_THREADS is set;
// the timings in bench/README.md say which.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const SOURCES = ['general_budget', 'government_fund', 'land_transfer', 'state_capital',
  'transfer', 'carry_over', 'other'];
const CARRY_OVER = SOURCES.indexOf('carry_over');
// The rule catalog's defaults (src/monitoring/rule_catalog_monitoring.cc),
// as fractions [numerator, denominator].
const GAP_YELLOW_PP = [10n, 1n];
const GAP_RED_PP = [20n, 1n];
const NO_DISB_MIN_PROGRESS_PERCENT = [25n, 1n];
const Q3_FISCAL_MONTH = 9;
const Q3_MIN_RATE_PERCENT = [60n, 1n];
const OVERSPEND_WARN_PERCENT = [90n, 1n];
const OVERSPEND_ERROR_PERCENT = [100n, 1n];
const CARRY_OVER_MIN_YEARS = 2;

function fail(message) {
  process.stderr.write(`compare_duckdb: ${message}\n`);
  process.exit(3);
}

function parseArgs(argv) {
  const args = { folder: null, asOf: null, method: 'months' };
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--as-of') args.asOf = argv[++i];
    else if (argv[i] === '--time-progress') args.method = argv[++i];
    else if (!args.folder) args.folder = argv[i];
    else fail(`unexpected argument ${argv[i]}`);
  }
  if (!args.folder) fail('usage: compare_duckdb.mjs CSV_FOLDER [--as-of YYYY-MM-DD] [--time-progress months|days]');
  return args;
}

// RFC 4180 records of a small CSV text (quoted fields may hold commas,
// doubled quotes and line breaks).
function csvRecords(text) {
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') ++i;
      record.push(field); records.push(record); record = []; field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

// dataset.csv: a header and one row.
function readInfo(folder) {
  const path = join(folder, 'dataset.csv');
  if (!existsSync(path)) fail(`${path}: missing (a required table)`);
  const [head, row] = csvRecords(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  if (!head || !row) fail(`${path}: expected a header and one row`);
  return Object.fromEntries(head.map((k, i) => [k.trim(), (row[i] ?? '').trim()]));
}

const pad = (n) => String(n).padStart(2, '0');
const ymd = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthEnd = (y, m) => ymd(new Date(Date.UTC(y, m, 0)));  // m: 1..12
const gcd = (a, b) => (b === 0n ? a : gcd(b, a % b));

// 序时进度 as an exact fraction [n, d] (FiscalYear::TimeProgress).
function timeProgress(asOf, startMonth, startYear, method) {
  const first = `${startYear}-${pad(startMonth)}-01`;
  const lastMonth = startMonth === 1 ? 12 : startMonth - 1;
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  const last = monthEnd(endYear, lastMonth);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || asOf < first || asOf > last) {
    fail(`as-of date ${asOf} is outside the fiscal year (${first} .. ${last})`);
  }
  let n, d;
  const day = (s) => Date.parse(`${s}T00:00:00Z`) / 86400000;
  if (method === 'days') {
    n = BigInt(day(asOf) - day(first) + 1);
    d = BigInt(day(last) - day(first) + 1);
  } else {
    const [y, m] = asOf.split('-').map(Number);
    let months;
    if (asOf >= last) months = 12;
    else {
      const fm = ((m - startMonth + 12) % 12) + 1;
      months = asOf === monthEnd(y, m) ? fm : fm - 1;
    }
    n = BigInt(months);
    d = 12n;
  }
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}

function fiscalMonthEnd(startMonth, startYear, m) {
  const offset = startMonth - 1 + m - 1;
  return monthEnd(startYear + Math.floor(offset / 12), (offset % 12) + 1);
}

// A read_csv of the columns we need, typed; a missing table is empty.
function table(folder, name, types) {
  const path = join(folder, `${name}.csv`);
  const cols = Object.keys(types);
  if (!existsSync(path)) {
    return `(SELECT ${cols.map((c) => `NULL::${types[c]} AS "${c}"`).join(', ')} WHERE false)`;
  }
  const typeList = Object.entries(types).map(([c, t]) => `'${c}': '${t}'`).join(', ');
  return `(SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM read_csv('${path.replaceAll("'", "''")}', ` +
    `header = true, auto_detect = true, types = {${typeList}}, quote = '"', escape = '"'))`;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const info = readInfo(args.folder);
  const year = Number(info.fiscal_year);
  const startMonth = Number(info.start_month || 1);
  const namedByEnd = ['true', '1', 'y', 'yes', '是'].includes((info.named_by_end || '').toLowerCase());
  const startYear = namedByEnd && startMonth !== 1 ? year - 1 : year;
  const asOf = args.asOf || info.as_of || fail('no --as-of and dataset.csv states none');
  const [pn, pd] = timeProgress(asOf, startMonth, startYear, args.method);
  const afterQ3 = asOf >= fiscalMonthEnd(startMonth, startYear, Q3_FISCAL_MONTH);
  const [nt, ntd] = NO_DISB_MIN_PROGRESS_PERCENT;
  const quarterPassed = 100n * pn * ntd >= nt * pd;

  const f = args.folder;
  const src = `(SELECT * FROM (VALUES ${SOURCES.map((s, i) => `('${s}', ${i})`).join(', ')}) t(name, no))`;
  // A source code's number (enum order); an unknown code stops the pass (error() in SQL).
  const SRC = (col) => `CASE coalesce(nullif(trim(${col}), ''), 'general_budget') ` +
    SOURCES.map((s, i) => `WHEN '${s}' THEN ${i} `).join('') +
    `ELSE error('source ' || ${col} || ' is not a code') END`;
  // x > t (a fraction) for x = num/den, den > 0, exactly (HUGEINT).
  const gt = (num, den, [tn, td]) => `((${num}) * ${td} > ${tn} * (${den}))`;
  const ge = (num, den, [tn, td]) => `((${num}) * ${td} >= ${tn} * (${den}))`;
  const lt = (num, den, [tn, td]) => `((${num}) * ${td} < ${tn} * (${den}))`;
  // Zero budget, gap bands and the Q3 summons (EvaluateCommon) over c, e (fen).
  const common = (c, e) => `
      ${c} <= 0 AS zero,
      ${c} > 0 AND ${gt(`100 * (${pn} * ${c} - ${e} * ${pd})`, `${pd} * ${c}`, GAP_RED_PP)} AS red,
      ${c} > 0 AND NOT ${gt(`100 * (${pn} * ${c} - ${e} * ${pd})`, `${pd} * ${c}`, GAP_RED_PP)}
               AND ${gt(`100 * (${pn} * ${c} - ${e} * ${pd})`, `${pd} * ${c}`, GAP_YELLOW_PP)} AS yellow,
      ${afterQ3} AND ${c} > 0 AND ${lt(`100 * ${e}`, c, Q3_MIN_RATE_PERCENT)} AS q3`;
  const fen = (x) => `CAST(coalesce(${x}, 0) * 100 AS HUGEINT)`;

  const sql = [
    `CREATE TEMP TABLE src AS ${src}`,
    `CREATE TEMP TABLE p AS SELECT trim(id) AS id, trim(unit) AS unit,
       coalesce(nullif(trim(status), ''), 'planned') AS status
     FROM ${table(f, 'projects', { id: 'VARCHAR', unit: 'VARCHAR', status: 'VARCHAR' })}
     WHERE coalesce(nullif(trim(status), ''), 'planned') <> 'cancelled'`,
    `CREATE TEMP TABLE fl AS SELECT trim(project) AS project, ${SRC('source')} AS src, approved,
       coalesce(origin_year, 0) AS origin_year
     FROM ${table(f, 'funds', { project: 'VARCHAR', source: 'VARCHAR', approved: 'DECIMAL(18,2)', origin_year: 'INTEGER' })}`,
    `CREATE TEMP TABLE adj AS SELECT trim(project) AS project, ${SRC('source')} AS src, amount
     FROM ${table(f, 'adjustments', { project: 'VARCHAR', date: 'DATE', source: 'VARCHAR', amount: 'DECIMAL(18,2)' })}
     WHERE date <= DATE '${asOf}'`,
    `CREATE TEMP TABLE dsum AS SELECT trim(project) AS project, ${SRC('source')} AS src,
       sum(amount) AS amount, count(*) AS n
     FROM ${table(f, 'disbursements', { project: 'VARCHAR', date: 'DATE', source: 'VARCHAR', amount: 'DECIMAL(18,2)' })}
     WHERE date <= DATE '${asOf}' GROUP BY ALL`,
    `CREATE TEMP TABLE plan AS SELECT trim(project) AS project, count(*) AS entries,
       coalesce(sum(amount) FILTER (WHERE date > DATE '${asOf}'), 0) AS after
     FROM ${table(f, 'payment_plan', { project: 'VARCHAR', date: 'DATE', amount: 'DECIMAL(18,2)' })}
     GROUP BY ALL`,
    // Per project and source: current budget, executed, and whether the budget side names it.
    `CREATE TEMP TABLE ps AS SELECT project, src, ${fen('sum(cur)')} AS cur, ${fen('sum(exe)')} AS exe,
       bool_or(budget) AS budget
     FROM (SELECT project, src, approved AS cur, 0::DECIMAL(18,2) AS exe, true AS budget FROM fl
           UNION ALL SELECT project, src, amount, 0, true FROM adj
           UNION ALL SELECT project, src, 0, amount, false FROM dsum)
     WHERE project IN (SELECT id FROM p) GROUP BY ALL`,
    // Per project: the monitoring row and its rules.
    `CREATE TEMP TABLE pr AS
     WITH a AS (SELECT project, sum(approved) AS approved,
                  sum(approved) FILTER (WHERE src = ${CARRY_OVER} AND origin_year <> 0
                                        AND ${year} - origin_year >= ${CARRY_OVER_MIN_YEARS}) AS old
                FROM fl GROUP BY ALL),
          j AS (SELECT project, sum(amount) AS adj FROM adj GROUP BY ALL),
          d AS (SELECT project, sum(amount) AS exe, sum(n) AS n FROM dsum GROUP BY ALL),
          base AS (
            SELECT p.id, p.unit, p.status, ${fen('a.approved')} AS approved, ${fen('j.adj')} AS adj,
              ${fen('a.approved')} + ${fen('j.adj')} AS c, ${fen('d.exe')} AS e, coalesce(d.n, 0) AS n,
              ${fen('a.old')} AS old, coalesce(pl.entries, 0) > 0 AS has_plan, ${fen('pl.after')} AS planned_after,
              coalesce(co.cur, 0) AS co_cur, coalesce(co.exe, 0) AS co_exe
            FROM p LEFT JOIN a ON a.project = p.id LEFT JOIN j ON j.project = p.id
              LEFT JOIN d ON d.project = p.id LEFT JOIN plan pl ON pl.project = p.id
              LEFT JOIN ps co ON co.project = p.id AND co.src = ${CARRY_OVER})
     SELECT *, ${common('c', 'e')},
       c > 0 AND n = 0 AND ${quarterPassed} AS no_disb,
       e > 0 AND (c <= 0 OR ${gt('100 * e', 'c', OVERSPEND_ERROR_PERCENT)}) AS over_err,
       e > 0 AND c > 0 AND NOT ${gt('100 * e', 'c', OVERSPEND_ERROR_PERCENT)}
             AND ${ge('100 * e', 'c', OVERSPEND_WARN_PERCENT)} AS over_warn
     FROM base`,
    // Reclaim proposals (one per reason and project).
    `CREATE TEMP TABLE q AS
     WITH r AS (SELECT *, c - e AS unspent,
                  status = 'not_implemented' AS unimpl, status IN ('finished', 'terminated') AS closed,
                  greatest(0, least(old - co_exe, co_cur - co_exe)) AS co_amount
                FROM pr),
          r2 AS (SELECT *, CASE WHEN NOT unimpl AND NOT closed AND old > 0 AND co_amount > 0
                               THEN co_amount ELSE 0 END AS co_reclaimed,
                   NOT unimpl AND NOT closed AND (red OR no_disb OR q3) AS lagging FROM r)
     SELECT id, unit, 'reclaim.unimplemented' AS code, unspent AS amount, 0 AS co FROM r2 WHERE unimpl AND unspent > 0
     UNION ALL SELECT id, unit, 'reclaim.surplus_finished', unspent, 0 FROM r2 WHERE closed AND unspent > 0
     UNION ALL SELECT id, unit, 'reclaim.carry_over_two_years', co_reclaimed, 0 FROM r2 WHERE co_reclaimed > 0
     UNION ALL SELECT id, unit, 'reclaim.lagging_with_plan', unspent - planned_after - co_reclaimed, co_reclaimed
       FROM r2 WHERE lagging AND has_plan AND unspent - planned_after - co_reclaimed > 0
     UNION ALL SELECT id, unit, 'reclaim.lagging_without_plan', NULL, 0 FROM r2 WHERE lagging AND NOT has_plan`,
    // Exact split across sources: proportional to each source's current budget
    // (the carry-over already proposed taken out of its source), largest
    // remainder, ties to the lower source; with no positive budget all of it
    // to the first source present (general_budget when none is).
    `CREATE TEMP TABLE split AS
     WITH cand AS (
            SELECT q.id, q.code, q.amount, s.src,
              CASE WHEN s.budget THEN greatest(0, s.cur - CASE WHEN s.src = ${CARRY_OVER} THEN q.co ELSE 0 END)
                   ELSE 0 END AS w
            FROM q JOIN ps s ON s.project = q.id
            WHERE q.code IN ('reclaim.unimplemented', 'reclaim.surplus_finished', 'reclaim.lagging_with_plan')),
          sums AS (SELECT id, code, sum(w) AS wsum, min(src) AS first FROM cand GROUP BY ALL),
          parts AS (
            SELECT c.id, c.code, c.amount, c.src, c.amount * c.w // s.wsum AS part,
              c.amount * c.w % s.wsum AS rem
            FROM cand c JOIN sums s USING (id, code) WHERE s.wsum > 0),
          ranked AS (
            SELECT *, row_number() OVER (PARTITION BY id, code ORDER BY rem DESC, src) AS rank,
              amount - sum(part) OVER (PARTITION BY id, code) AS left_over
            FROM parts)
     SELECT src, part + CASE WHEN rank <= left_over THEN 1 ELSE 0 END AS amount FROM ranked
     UNION ALL
     SELECT coalesce(s.first, 0), q.amount FROM q LEFT JOIN sums s USING (id, code)
     WHERE q.code IN ('reclaim.unimplemented', 'reclaim.surplus_finished', 'reclaim.lagging_with_plan')
       AND coalesce(s.wsum, 0) = 0
     UNION ALL
     SELECT ${CARRY_OVER}, amount FROM q WHERE code = 'reclaim.carry_over_two_years'`,
  ];

  // DUCKDB_THREADS=1 for a one-core figure (perfbudget's pass is single-threaded).
  const options = process.env.DUCKDB_THREADS ? { threads: process.env.DUCKDB_THREADS } : undefined;
  const instance = await DuckDBInstance.create(':memory:', options);
  const con = await instance.connect();
  for (const s of sql) await con.run(s);
  const one = async (query) => (await con.runAndReadAll(query)).getRowsJson();

  const out = [];
  out.push(['as_of', asOf], ['time_progress', `${pn}/${pd}`]);
  const [t] = await one(`SELECT count(*), sum(approved), sum(adj), sum(c), sum(e), sum(n),
      count(*) FILTER (WHERE red), count(*) FILTER (WHERE yellow), count(*) FILTER (WHERE no_disb),
      count(*) FILTER (WHERE q3), count(*) FILTER (WHERE over_err), count(*) FILTER (WHERE over_warn),
      count(*) FILTER (WHERE zero),
      count(*) FILTER (WHERE red OR no_disb OR q3 OR over_err),
      count(*) FILTER (WHERE NOT (red OR no_disb OR q3 OR over_err) AND (yellow OR over_warn))
    FROM pr`);
  const z = (v) => (v === null ? '0' : String(v));
  const [n, approved, adjs, cur, exe, disb, red, yellow, noDisb, q3, overErr, overWarn, zero, pRed, pYellow] = t.map(z);
  out.push(['projects', n], ['approved_fen', approved], ['adjustments_fen', adjs], ['current_fen', cur],
    ['executed_fen', exe], ['disbursements_to_date', disb]);
  out.push(['project_reason monitoring.gap_red', red], ['project_reason monitoring.gap_yellow', yellow],
    ['project_reason monitoring.no_disbursement_after_quarter', noDisb],
    ['project_reason monitoring.q3_summons', q3], ['project_reason monitoring.overspend_error', overErr],
    ['project_reason monitoring.overspend_warning', overWarn], ['project_reason monitoring.zero_budget', zero]);
  out.push(['project_level red', pRed], ['project_level yellow', pYellow],
    ['project_level none', String(BigInt(n) - BigInt(pRed) - BigInt(pYellow))]);

  // Units: every unit; the rules only where it has projects in scope.
  const [u] = await one(`WITH u AS (
        SELECT units.id, count(pr.id) AS k, coalesce(sum(pr.c), 0) AS c, coalesce(sum(pr.e), 0) AS e
        FROM ${table(f, 'units', { id: 'VARCHAR' })} units LEFT JOIN pr ON pr.unit = trim(units.id)
        GROUP BY ALL),
      r AS (SELECT k, ${common('c', 'e')} FROM u)
    SELECT count(*) FILTER (WHERE k > 0 AND (red OR q3)),
      count(*) FILTER (WHERE k > 0 AND NOT (red OR q3) AND yellow), count(*) FROM r`);
  out.push(['unit_level red', u[0]], ['unit_level yellow', u[1]],
    ['unit_level none', String(BigInt(u[2]) - BigInt(u[0]) - BigInt(u[1]))]);
  const [j] = await one(`WITH t AS (SELECT count(*) AS k, coalesce(sum(c), 0) AS c, coalesce(sum(e), 0) AS e FROM pr),
      r AS (SELECT k, ${common('c', 'e')} FROM t)
    SELECT CASE WHEN k = 0 THEN 'none' WHEN red OR q3 THEN 'red' WHEN yellow THEN 'yellow' ELSE 'none' END FROM r`);
  out.push(['jurisdiction_level', j[0]]);

  const byCode = new Map((await one(`SELECT code, count(*), coalesce(sum(amount), 0) FROM q GROUP BY ALL`))
    .map(([c, k, a]) => [c, [k, a]]));
  for (const code of ['reclaim.unimplemented', 'reclaim.surplus_finished', 'reclaim.carry_over_two_years',
    'reclaim.lagging_with_plan', 'reclaim.lagging_without_plan']) {
    const [k, a] = byCode.get(code) ?? ['0', '0'];
    out.push([`reclaim ${code}`, `${k} ${a}`]);
  }
  const [rt] = await one(`SELECT count(DISTINCT id), count(amount), count(*) - count(amount),
      coalesce(sum(amount), 0), count(DISTINCT unit) FROM q`);
  out.push(['reclaim_total', `${rt[0]} ${rt[1]} ${rt[2]} ${rt[3]}`], ['reclaim_units', rt[4]]);
  const bySource = new Map((await one(`SELECT src, sum(amount) FROM split GROUP BY ALL`)).map(([s, a]) => [Number(s), a]));
  SOURCES.forEach((s, i) => out.push([`reclaim_source ${s}`, bySource.get(i) ?? '0']));

  process.stdout.write(out.map(([k, v]) => `${k} ${v}\n`).join(''));
  process.stderr.write(`# duckdb pass ${((performance.now() - started) / 1000).toFixed(2)} s wall\n`);
}

main().catch((e) => fail(e.message));
