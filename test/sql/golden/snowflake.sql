-- orders and marketing metrics: 2026-10 … 2026-12 as of 2026-12-05 (snowflake).
-- s = run of windows, w = window (w = 0, the window before, is not returned); <metric>__why: why a value is NULL.
WITH
win AS (SELECT * FROM (VALUES
    (0, 0, 20697, 20727, 20727), -- 2026-09: 2026-09-01 to 2026-09-30
    (0, 1, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (0, 2, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (0, 3, 20788, 20819, 20793), -- 2026-12: 2026-12-01 to 2026-12-05
    (1, 0, 20635, 20727, 20727), -- the span before: 2026-07-01 to 2026-09-30
    (1, 1, 20727, 20819, 20793), -- 2026-10..2026-12: 2026-10-01 to 2026-12-05
    (2, 0, 20666, 20697, 20697), -- 2026-08: 2026-08-01 to 2026-08-31
    (2, 1, 20697, 20727, 20727), -- 2026-09: 2026-09-01 to 2026-09-30
    (3, 0, 20332, 20362, 20362), -- 2025-09: 2025-09-01 to 2025-09-30
    (3, 1, 20362, 20393, 20393), -- 2025-10: 2025-10-01 to 2025-10-31
    (3, 2, 20393, 20423, 20423), -- 2025-11: 2025-11-01 to 2025-11-30
    (3, 3, 20423, 20454, 20454), -- 2025-12: 2025-12-01 to 2025-12-31
    (4, 0, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (4, 1, 20788, 20793, 20793), -- 2026-12 to 2026-12-05: 2026-12-01 to 2026-12-05
    (5, 0, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (5, 1, 20758, 20763, 20763), -- 2026-11 to 2026-11-05: 2026-11-01 to 2026-11-05
    (6, 0, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (6, 1, 20788, 20793, 20793), -- 2026-12 to 2026-12-05: 2026-12-01 to 2026-12-05
    (7, 0, 20393, 20423, 20423), -- 2025-11: 2025-11-01 to 2025-11-30
    (7, 1, 20423, 20428, 20428) -- 2025-12 to 2025-12-05: 2025-12-01 to 2025-12-05
  ) AS win(s, w, ws, we, wt)),
o0 AS (
  SELECT ROW_NUMBER() OVER (ORDER BY "order_date", "order_id", "net_amount") - 1 AS rn,
    DATEDIFF(day, '1970-01-01'::DATE, "order_date") AS day,
    CAST("net_amount" AS DOUBLE) AS amount,
    CAST("qty" AS DOUBLE) AS qty,
    CAST("cogs" AS DOUBLE) AS cost,
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS cust,
    NULLIF(TRIM(CAST("order_id" AS VARCHAR)), '') AS oid,
    CAST('' AS VARCHAR) AS g
  FROM "sales"."orders"
),
o AS (
  SELECT rn, day, amount, qty, cost, cust, COALESCE(oid, '~row:' || CAST(rn AS VARCHAR)) AS okey, g
  FROM o0
  WHERE day IS NOT NULL AND amount IS NOT NULL AND day BETWEEN -25567 AND 20792
),
b AS (
  SELECT g, cust, okey, day, COUNT(*) AS n, SUM(amount) AS revenue, SUM(qty) AS units,
    SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS rwc, SUM(cost) AS cost,
    SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS pos, MIN(CASE WHEN amount >= 0 THEN rn END) AS prn
  FROM o GROUP BY g, cust, okey, day
),
fo AS (
  SELECT cust, MIN(day) AS first_day, MIN(day * 4294967296 + prn) AS first_key
  FROM b WHERE pos > 0 AND cust IS NOT NULL GROUP BY cust
),
co AS (
  SELECT cust, okey, MIN(day) AS od, 1 AS cnt FROM b WHERE pos > 0 AND cust IS NOT NULL GROUP BY cust, okey
),
life AS (
  SELECT fo.cust, ROW_NUMBER() OVER (ORDER BY fo.cust) AS cid, fo.first_day, fo.first_key,
    CASE WHEN SUM(CASE WHEN co.od = fo.first_day THEN co.cnt ELSE 0 END) >= 2 THEN fo.first_day
      ELSE MIN(CASE WHEN co.od > fo.first_day THEN co.od END) END AS second_day
  FROM co JOIN fo ON co.cust = fo.cust
  GROUP BY fo.cust, fo.first_day, fo.first_key
),
bc AS (
  SELECT b.g, life.cid, b.okey, b.day, b.pos, life.first_day, life.second_day,
    CASE WHEN b.day * 4294967296 + b.prn = life.first_key THEN 1 ELSE 0 END AS is_first
  FROM b JOIN life ON b.cust = life.cust
  WHERE b.pos > 0 AND b.g IS NOT NULL
),
dw AS (
  SELECT win.s, win.w, win.ws, win.wt, win.ws + k.k AS day
  FROM win CROSS JOIN (SELECT ROW_NUMBER() OVER (ORDER BY SEQ4()) - 1 AS k FROM TABLE(GENERATOR(ROWCOUNT => 92))) AS k
  WHERE k.k < win.wt - win.ws
),
bw AS (SELECT dw.s, dw.w, b.* FROM b JOIN dw ON b.day = dw.day WHERE b.g IS NOT NULL),
agg AS (
  SELECT g, s, w, SUM(n) AS nrows, SUM(revenue) AS revenue, SUM(units) AS units,
    SUM(rwc) AS revenue_with_cost, SUM(cost) AS cost,
    COUNT(DISTINCT CASE WHEN pos > 0 THEN okey END) AS orders,
    COUNT(DISTINCT CASE WHEN pos > 0 AND cust IS NOT NULL THEN okey END) AS orders_with_customer,
    SUM(CASE WHEN cust IS NOT NULL THEN revenue END) AS revenue_with_customer
  FROM bw GROUP BY g, s, w
),
aw AS (
  SELECT bc.g, dw.s, dw.w, bc.cid, SUM(bc.is_first) AS nf,
    CASE WHEN MIN(bc.first_day) >= MIN(dw.ws) THEN 1 ELSE 0 END AS ft, CASE WHEN MIN(bc.second_day) < MIN(dw.wt) THEN 1 ELSE 0 END AS rp
  FROM bc JOIN dw ON bc.day = dw.day GROUP BY bc.g, dw.s, dw.w, bc.cid
),
rt AS (
  SELECT a.g, a.s, a.w, COUNT(*) AS retained
  FROM aw a JOIN aw p ON p.g = a.g AND p.s = a.s AND p.cid = a.cid AND p.w = a.w - 1
  GROUP BY a.g, a.s, a.w
),
cw AS (
  SELECT g, s, w, COUNT(*) AS customers, SUM(nf) AS new_customers, SUM(ft) AS first_timers, SUM(rp) AS repeat_customers
  FROM aw GROUP BY g, s, w
),
gs AS (SELECT CAST('' AS VARCHAR) AS g),
ends AS (SELECT * FROM (VALUES
    (20393, 20028, 19662), -- to 2025-10-31; trailing year from 2024-11-01, the year before from 2023-11-01
    (20423, 20058, 19692), -- to 2025-11-30; trailing year from 2024-12-01, the year before from 2023-12-01
    (20428, 20063, 19697), -- to 2025-12-05; trailing year from 2024-12-06, the year before from 2023-12-06
    (20454, 20089, 19723), -- to 2025-12-31; trailing year from 2025-01-01, the year before from 2024-01-01
    (20727, 20362, 19997), -- to 2026-09-30; trailing year from 2025-10-01, the year before from 2024-10-01
    (20758, 20393, 20028), -- to 2026-10-31; trailing year from 2025-11-01, the year before from 2024-11-01
    (20763, 20398, 20033), -- to 2026-11-05; trailing year from 2025-11-06, the year before from 2024-11-06
    (20788, 20423, 20058), -- to 2026-11-30; trailing year from 2025-12-01, the year before from 2024-12-01
    (20793, 20428, 20063) -- to 2026-12-05; trailing year from 2025-12-06, the year before from 2024-12-06
  ) AS ends(e, yb, yb2)),
hco AS (SELECT g, cid, okey, MIN(day) AS od FROM bc GROUP BY g, cid, okey),
hd AS (SELECT DISTINCT g, cid, od AS day FROM hco),
hf AS (SELECT g, cid, MIN(day) AS first_day, MAX(day) AS last_day FROM hd GROUP BY g, cid),
ev AS (
  SELECT f.g, ends.e, SUM(f.c) AS ever
  FROM (SELECT g, first_day, COUNT(*) AS c FROM hf GROUP BY g, first_day) f JOIN ends ON f.first_day < ends.e
  GROUP BY f.g, ends.e
),
hg AS (SELECT g, cid, day, LAG(day) OVER (PARTITION BY g, cid ORDER BY day) AS pday FROM hd),
hgn AS (
  SELECT g, cid, day, day - pday AS gap, ROW_NUMBER() OVER (PARTITION BY g, cid ORDER BY day) AS i
  FROM hg WHERE pday IS NOT NULL
),
hgp AS (
  SELECT a.g, a.cid, a.day, b.gap FROM hgn a JOIN hgn b ON a.g = b.g AND a.cid = b.cid AND b.i <= a.i
),
hum AS (SELECT g, cid, day, MEDIAN(gap) AS med FROM hgp GROUP BY g, cid, day),
hu AS (SELECT g, cid, day, 2 * med AS twice FROM hum),
hv AS (SELECT g, cid, day, twice, LAG(twice) OVER (PARTITION BY g, cid ORDER BY day) AS prev FROM hu),
hdel AS (
  SELECT g, day, twice AS v, 1 AS d FROM hv
  UNION ALL SELECT g, day, prev AS v, -1 AS d FROM hv WHERE prev IS NOT NULL
),
hdb AS (
  SELECT g, e, v, SUM(d) AS c FROM (SELECT g, CASE WHEN day < 20393 THEN 20393 WHEN day < 20423 THEN 20423 WHEN day < 20428 THEN 20428 WHEN day < 20454 THEN 20454 WHEN day < 20727 THEN 20727 WHEN day < 20758 THEN 20758 WHEN day < 20763 THEN 20763 WHEN day < 20788 THEN 20788 WHEN day < 20793 THEN 20793 END AS e, v, d FROM hdel) x
  WHERE e IS NOT NULL GROUP BY g, e, v
),
hh AS (
  SELECT gv.g, ends.e, gv.v,
    SUM(COALESCE(hdb.c, 0)) OVER (PARTITION BY gv.g, gv.v ORDER BY ends.e ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS c
  FROM (SELECT DISTINCT g, v FROM hdb) gv CROSS JOIN ends
  LEFT JOIN hdb ON hdb.g = gv.g AND hdb.e = ends.e AND hdb.v = gv.v
),
hc AS (
  SELECT g, e, v, SUM(c) OVER (PARTITION BY g, e ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
    SUM(c) OVER (PARTITION BY g, e) AS n
  FROM hh WHERE c <> 0
),
dbo AS (
  SELECT g, e, (MIN(CASE WHEN cum > CAST(FLOOR(CAST((n - 1) AS DOUBLE) / 2) AS BIGINT) THEN v END) + MIN(CASE WHEN cum > CAST(FLOOR(CAST((n) AS DOUBLE) / 2) AS BIGINT) THEN v END)) / 4.0 AS dbo
  FROM hc GROUP BY g, e
),
hfl AS (
  SELECT g, day, SUM(f) AS f, SUM(l) AS l FROM (
    SELECT g, first_day AS day, 1 AS f, 0 AS l FROM hf UNION ALL SELECT g, last_day AS day, 0 AS f, 1 AS l FROM hf
  ) fl GROUP BY g, day
),
hcnt AS (
  SELECT h.g, ends.e, SUM(CASE WHEN h.day < ends.e THEN h.f ELSE 0 END) - SUM(CASE WHEN h.day < ends.yb THEN h.l ELSE 0 END) AS cur, SUM(CASE WHEN h.day < ends.yb THEN h.f ELSE 0 END) - SUM(CASE WHEN h.day < ends.yb2 THEN h.l ELSE 0 END) AS prv, SUM(CASE WHEN h.day < ends.e THEN h.f ELSE 0 END) - SUM(CASE WHEN h.day < ends.yb2 THEN h.l ELSE 0 END) AS uni
  FROM hfl h CROSS JOIN ends GROUP BY h.g, ends.e
),
hgap AS (SELECT g, pday, day, COUNT(*) AS c FROM hg WHERE pday IS NOT NULL AND day - pday >= 366 GROUP BY g, pday, day),
hgc AS (
  SELECT x.g, ends.e, SUM(CASE WHEN x.pday < ends.yb AND x.day >= ends.e THEN x.c ELSE 0 END) AS cur, SUM(CASE WHEN x.pday < ends.yb2 AND x.day >= ends.yb THEN x.c ELSE 0 END) AS prv, SUM(CASE WHEN x.pday < ends.yb2 AND x.day >= ends.e THEN x.c ELSE 0 END) AS uni
  FROM hgap x CROSS JOIN ends GROUP BY x.g, ends.e
),
clvp AS (
  SELECT c.g, c.e, c.cur - COALESCE(x.cur, 0) AS active, c.prv - COALESCE(x.prv, 0) AS previous,
    c.uni - COALESCE(x.uni, 0) AS uni
  FROM hcnt c LEFT JOIN hgc x ON x.g = c.g AND x.e = c.e
),
daily AS (
  SELECT g, day, SUM(revenue) AS revenue, SUM(rwc) AS rwc, SUM(cost) AS cost
  FROM b WHERE g IS NOT NULL GROUP BY g, day
),
yr AS (
  SELECT daily.g, ends.e, SUM(revenue) AS revenue, SUM(rwc) AS rwc, SUM(cost) AS cost
  FROM daily JOIN ends ON daily.day >= ends.yb AND daily.day < ends.e GROUP BY daily.g, ends.e
),
sp0 AS (
  SELECT DATEDIFF(day, '1970-01-01'::DATE, "spend_date") AS day,
    CAST(NULL AS BIGINT) AS endday,
    CAST(NULL AS VARCHAR) AS pkey,
    CAST("spend" AS DOUBLE) AS spend,
    COALESCE(NULLIF(TRIM(CAST("channel" AS VARCHAR)), ''), '') AS chk,
    CAST('' AS VARCHAR) AS g
  FROM "sales"."marketing_spend"
),
sp AS (
  SELECT sp0.*, DAY(DATEADD(day, day, '1970-01-01'::DATE)) AS dom, YEAR(DATEADD(day, day, '1970-01-01'::DATE)) * 12 + MONTH(DATEADD(day, day, '1970-01-01'::DATE)) - 1 AS mi
  FROM sp0
  WHERE day IS NOT NULL AND spend IS NOT NULL AND day BETWEEN -25567 AND 20792
),
spk AS (SELECT sp.*, CAST(NULL AS BIGINT) AS ps, CAST(NULL AS BIGINT) AS pe FROM sp),
sir AS (SELECT * FROM spk WHERE ps IS NULL AND NOT (endday IS NOT NULL AND endday >= day)),
sic AS (
  SELECT g, chk, COUNT(*) AS n, MIN(first) AS all_first, MIN(qs) AS all_q, MIN(ys) AS all_y, MIN(wk) AS all_w,
    MIN(mi - pmi) AS spacing, MIN(day) AS d1
  FROM (SELECT g, chk, day, CASE WHEN dom = 1 THEN 1 ELSE 0 END AS first,
    CASE WHEN dom = 1 AND (mi - 3) - 3 * CAST(FLOOR(CAST((mi - 3) AS DOUBLE) / 3) AS BIGINT) = 0 THEN 1 ELSE 0 END AS qs,
    CASE WHEN dom = 1 AND (mi - 3) - 12 * CAST(FLOOR(CAST((mi - 3) AS DOUBLE) / 12) AS BIGINT) = 0 THEN 1 ELSE 0 END AS ys,
    CASE WHEN (day - (-3)) - 7 * CAST(FLOOR(CAST((day - (-3)) AS DOUBLE) / 7) AS BIGINT) = 0 THEN 1 ELSE 0 END AS wk,
    mi, LAG(mi) OVER (PARTITION BY g, chk ORDER BY day) AS pmi
  FROM (SELECT DISTINCT g, chk, day, dom, mi FROM sir) x) f GROUP BY g, chk
),
sit AS (
  SELECT g, COUNT(*) AS n, MIN(first) AS all_first, MIN(qs) AS all_q, MIN(ys) AS all_y, MIN(wk) AS all_w,
    MIN(mi - pmi) AS spacing, MIN(day) AS d1
  FROM (SELECT g, day, CASE WHEN dom = 1 THEN 1 ELSE 0 END AS first,
    CASE WHEN dom = 1 AND (mi - 3) - 3 * CAST(FLOOR(CAST((mi - 3) AS DOUBLE) / 3) AS BIGINT) = 0 THEN 1 ELSE 0 END AS qs,
    CASE WHEN dom = 1 AND (mi - 3) - 12 * CAST(FLOOR(CAST((mi - 3) AS DOUBLE) / 12) AS BIGINT) = 0 THEN 1 ELSE 0 END AS ys,
    CASE WHEN (day - (-3)) - 7 * CAST(FLOOR(CAST((day - (-3)) AS DOUBLE) / 7) AS BIGINT) = 0 THEN 1 ELSE 0 END AS wk,
    mi, LAG(mi) OVER (PARTITION BY g ORDER BY day) AS pmi
  FROM (SELECT DISTINCT g, day, dom, mi FROM sir) x) f GROUP BY g
),
su AS (
  SELECT sic.g, sic.chk, CASE WHEN sic.n = 1 AND (CASE WHEN sit.all_first = 1 THEN CASE WHEN sit.n = 1 THEN 2 WHEN sit.spacing >= 12 AND sit.all_y = 1 THEN 4 WHEN sit.spacing >= 3 AND sit.all_q = 1 THEN 3 ELSE 2 END WHEN sit.n > 1 AND sit.all_w = 1 THEN 1 ELSE 0 END) <> 0 AND CASE CASE WHEN sit.all_first = 1 THEN CASE WHEN sit.n = 1 THEN 2 WHEN sit.spacing >= 12 AND sit.all_y = 1 THEN 4 WHEN sit.spacing >= 3 AND sit.all_q = 1 THEN 3 ELSE 2 END WHEN sit.n > 1 AND sit.all_w = 1 THEN 1 ELSE 0 END WHEN 1 THEN sic.all_w WHEN 2 THEN sic.all_first WHEN 3 THEN sic.all_q WHEN 4 THEN sic.all_y ELSE 0 END = 1
    THEN CASE WHEN sit.all_first = 1 THEN CASE WHEN sit.n = 1 THEN 2 WHEN sit.spacing >= 12 AND sit.all_y = 1 THEN 4 WHEN sit.spacing >= 3 AND sit.all_q = 1 THEN 3 ELSE 2 END WHEN sit.n > 1 AND sit.all_w = 1 THEN 1 ELSE 0 END ELSE CASE WHEN sic.all_first = 1 THEN CASE WHEN sic.n = 1 THEN 2 WHEN sic.spacing >= 12 AND sic.all_y = 1 THEN 4 WHEN sic.spacing >= 3 AND sic.all_q = 1 THEN 3 ELSE 2 END WHEN sic.n > 1 AND sic.all_w = 1 THEN 1 ELSE 0 END END AS unit
  FROM sic JOIN sit ON sic.g = sit.g
),
sps AS (
  SELECT spk.g, spk.spend,
    CASE WHEN spk.ps IS NOT NULL THEN spk.ps ELSE spk.day END AS ss,
    CASE WHEN spk.ps IS NOT NULL THEN spk.pe WHEN spk.endday IS NOT NULL AND spk.endday >= spk.day THEN spk.endday + 1
      WHEN su.unit = 0 THEN spk.day + 1 WHEN su.unit = 1 THEN spk.day + 7
      WHEN su.unit = 2 THEN DATEDIFF(day, '1970-01-01'::DATE, DATE_FROM_PARTS(FLOOR((spk.mi + 1) / 12), (spk.mi + 1) - 12 * FLOOR((spk.mi + 1) / 12) + 1, 1)) WHEN su.unit = 3 THEN DATEDIFF(day, '1970-01-01'::DATE, DATE_FROM_PARTS(FLOOR((spk.mi + 3) / 12), (spk.mi + 3) - 12 * FLOOR((spk.mi + 3) / 12) + 1, 1))
      ELSE DATEDIFF(day, '1970-01-01'::DATE, DATE_FROM_PARTS(FLOOR((spk.mi + 12) / 12), (spk.mi + 12) - 12 * FLOOR((spk.mi + 12) / 12) + 1, 1)) END AS se
  FROM spk LEFT JOIN su ON su.g = spk.g AND su.chk = spk.chk
),
sw AS (
  SELECT sps.g, win.s, win.w,
    SUM(sps.spend / (sps.se - sps.ss) * (LEAST(sps.se, win.wt) - GREATEST(sps.ss, win.ws))) AS spend
  FROM sps JOIN win ON sps.se > sps.ss AND sps.ss < win.wt AND sps.se > win.ws
  GROUP BY sps.g, win.s, win.w
),
m AS (
  SELECT gs.g, win.s, win.w, win.ws, win.we, win.wt,
    COALESCE(agg.nrows, 0) AS nrows,
    COALESCE(agg.revenue, 0) AS revenue,
    COALESCE(agg.units, 0) AS units,
    COALESCE(agg.revenue_with_cost, 0) AS revenue_with_cost,
    COALESCE(agg.cost, 0) AS cost,
    COALESCE(agg.orders, 0) AS orders,
    COALESCE(agg.orders_with_customer, 0) AS orders_with_customer,
    COALESCE(agg.revenue_with_customer, 0) AS revenue_with_customer,
    COALESCE(cw.new_customers, 0) AS new_customers,
    COALESCE(cw.customers, 0) AS customers,
    COALESCE(cw.first_timers, 0) AS first_timers,
    COALESCE(cw.repeat_customers, 0) AS repeat_customers,
    COALESCE(rt.retained, 0) AS retained,
    COALESCE(cwp.customers, 0) AS prev_customers,
    COALESCE(ev.ever, 0) AS ever,
    dbo.dbo AS dbo,
    COALESCE(clvp.active, 0) AS clv_active,
    COALESCE(clvp.previous, 0) AS clv_previous,
    COALESCE(clvp.active, 0) + COALESCE(clvp.previous, 0) - COALESCE(clvp.uni, 0) AS clv_retained,
    COALESCE(yr.revenue, 0) AS clv_revenue,
    COALESCE(yr.rwc, 0) AS clv_rwc,
    COALESCE(yr.cost, 0) AS clv_cost,
    COALESCE(sw.spend, 0) AS spend
  FROM gs CROSS JOIN win
  LEFT JOIN agg ON agg.g = gs.g AND agg.s = win.s AND agg.w = win.w
  LEFT JOIN cw ON cw.g = gs.g AND cw.s = win.s AND cw.w = win.w
  LEFT JOIN cw cwp ON cwp.g = gs.g AND cwp.s = win.s AND cwp.w = win.w - 1
  LEFT JOIN rt ON rt.g = gs.g AND rt.s = win.s AND rt.w = win.w
  LEFT JOIN ev ON ev.g = gs.g AND ev.e = win.wt
  LEFT JOIN dbo ON dbo.g = gs.g AND dbo.e = win.wt
  LEFT JOIN clvp ON clvp.g = gs.g AND clvp.e = win.wt
  LEFT JOIN yr ON yr.g = gs.g AND yr.e = win.wt
  LEFT JOIN sw ON sw.g = gs.g AND sw.s = win.s AND sw.w = win.w
  WHERE win.w > 0
)
SELECT g, s, w,
  CAST(nrows AS DOUBLE) AS nrows,
  CAST(revenue AS DOUBLE) AS "revenue",
  NULL AS "revenue__why",
  CAST(orders AS DOUBLE) AS "orders",
  NULL AS "orders__why",
  CAST(CASE WHEN orders = 0 THEN NULL ELSE CAST(revenue AS DOUBLE) / (orders) END AS DOUBLE) AS "aov",
  CASE WHEN orders = 0 THEN 'none:orders' END AS "aov__why",
  CAST(units AS DOUBLE) AS "units",
  NULL AS "units__why",
  CAST(CASE WHEN units = 0 THEN NULL ELSE CAST(revenue AS DOUBLE) / (units) END AS DOUBLE) AS "avg_price",
  CASE WHEN units = 0 THEN 'none:units sold' END AS "avg_price__why",
  CAST(customers AS DOUBLE) AS "customers",
  NULL AS "customers__why",
  CAST(CASE WHEN customers = 0 THEN NULL ELSE CAST(revenue_with_customer AS DOUBLE) / (customers) END AS DOUBLE) AS "sales_per_customer",
  CASE WHEN customers = 0 THEN 'none:customers' END AS "sales_per_customer__why",
  CAST(new_customers AS DOUBLE) AS "new_customers",
  NULL AS "new_customers__why",
  CAST(customers - first_timers AS DOUBLE) AS "returning_customers",
  NULL AS "returning_customers__why",
  CAST(CASE WHEN customers = 0 THEN NULL ELSE CAST(orders_with_customer AS DOUBLE) / (customers) END AS DOUBLE) AS "purchase_frequency",
  CASE WHEN customers = 0 THEN 'none:customers' END AS "purchase_frequency__why",
  CAST(CASE WHEN customers = 0 THEN NULL ELSE CAST(repeat_customers AS DOUBLE) / (customers) END AS DOUBLE) AS "repeat_rate",
  CASE WHEN customers = 0 THEN 'none:customers' END AS "repeat_rate__why",
  CAST(CASE WHEN prev_customers = 0 THEN NULL ELSE CAST(retained AS DOUBLE) / (prev_customers) END AS DOUBLE) AS "retention_rate",
  CASE WHEN prev_customers = 0 THEN 'previous:customers' END AS "retention_rate__why",
  CAST(1 - CASE WHEN prev_customers = 0 THEN NULL ELSE CAST(retained AS DOUBLE) / (prev_customers) END AS DOUBLE) AS "churn_rate",
  CASE WHEN prev_customers = 0 THEN 'previous:customers' END AS "churn_rate__why",
  CAST(CASE WHEN ever = 0 THEN NULL ELSE CAST(customers AS DOUBLE) / (ever) END AS DOUBLE) AS "active_ratio",
  CASE WHEN ever = 0 THEN 'none:customers to date' END AS "active_ratio__why",
  CAST(dbo AS DOUBLE) AS "days_between_orders",
  CASE WHEN dbo IS NULL THEN 'gaps' END AS "days_between_orders__why",
  CAST(CASE WHEN revenue_with_cost = 0 THEN NULL ELSE CAST(revenue_with_cost - cost AS DOUBLE) / (revenue_with_cost) END AS DOUBLE) AS "gross_margin",
  CASE WHEN revenue_with_cost = 0 THEN 'none:revenue with a cost' END AS "gross_margin__why",
  CAST(CASE WHEN (CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END) IS NULL THEN CAST(clv_revenue AS DOUBLE) / clv_active * 1 * CAST(clv_rwc - clv_cost AS DOUBLE) / clv_rwc * CASE WHEN (1 - CAST(clv_retained AS DOUBLE) / clv_previous) = 0 THEN 10 ELSE LEAST(1 / (1 - CAST(clv_retained AS DOUBLE) / clv_previous), 10) END END AS DOUBLE) AS "clv",
  CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END AS "clv__why",
  CAST(CASE WHEN new_customers = 0 THEN NULL ELSE CAST(spend AS DOUBLE) / (new_customers) END AS DOUBLE) AS "cac",
  CASE WHEN new_customers = 0 THEN 'none:new customers' END AS "cac__why",
  CAST(CASE WHEN spend = 0 THEN NULL ELSE (revenue * CASE WHEN revenue_with_cost = 0 THEN 1 ELSE CAST(revenue_with_cost - cost AS DOUBLE) / revenue_with_cost END - spend) / CAST(spend AS DOUBLE) END AS DOUBLE) AS "marketing_roi",
  CASE WHEN spend = 0 THEN 'none:marketing spend' END AS "marketing_roi__why",
  CAST(CASE WHEN new_customers = 0 OR (CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END) IS NOT NULL OR spend = 0 THEN NULL ELSE (CASE WHEN (CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END) IS NULL THEN CAST(clv_revenue AS DOUBLE) / clv_active * 1 * CAST(clv_rwc - clv_cost AS DOUBLE) / clv_rwc * CASE WHEN (1 - CAST(clv_retained AS DOUBLE) / clv_previous) = 0 THEN 10 ELSE LEAST(1 / (1 - CAST(clv_retained AS DOUBLE) / clv_previous), 10) END END) / (CASE WHEN new_customers = 0 THEN NULL ELSE CAST(spend AS DOUBLE) / (new_customers) END) END AS DOUBLE) AS "ltv_cac",
  CASE WHEN new_customers = 0 THEN 'none:new customers' WHEN (CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END) IS NOT NULL THEN CASE WHEN clv_active = 0 THEN 'clv:active' WHEN clv_previous = 0 THEN 'clv:previous' WHEN clv_rwc = 0 THEN 'clv:margin' END WHEN spend = 0 THEN 'cac:zero' END AS "ltv_cac__why",
  CAST(CASE WHEN new_customers = 0 OR customers = 0 OR (CAST(revenue_with_customer AS DOUBLE) / customers * (CAST(365.2425 AS DOUBLE) / 12)) / (wt - ws) * CASE WHEN revenue_with_cost = 0 THEN 1 ELSE CAST(revenue_with_cost - cost AS DOUBLE) / revenue_with_cost END = 0 THEN NULL ELSE (CASE WHEN new_customers = 0 THEN NULL ELSE CAST(spend AS DOUBLE) / (new_customers) END) / ((CAST(revenue_with_customer AS DOUBLE) / customers * (CAST(365.2425 AS DOUBLE) / 12)) / (wt - ws) * CASE WHEN revenue_with_cost = 0 THEN 1 ELSE CAST(revenue_with_cost - cost AS DOUBLE) / revenue_with_cost END) END AS DOUBLE) AS "cac_payback_months",
  CASE WHEN new_customers = 0 THEN 'none:new customers' WHEN customers = 0 THEN 'none:customers' WHEN (CAST(revenue_with_customer AS DOUBLE) / customers * (CAST(365.2425 AS DOUBLE) / 12)) / (wt - ws) * CASE WHEN revenue_with_cost = 0 THEN 1 ELSE CAST(revenue_with_cost - cost AS DOUBLE) / revenue_with_cost END = 0 THEN 'payback:zero' END AS "cac_payback_months__why"
FROM m
ORDER BY g, s, w;

-- pipeline metrics: 2026-10 … 2026-12 as of 2026-12-05 (snowflake).
-- s = run of windows, w = window (w = 0, the window before, is not returned); <metric>__why: why a value is NULL.
WITH
win AS (SELECT * FROM (VALUES
    (0, 0, 20697, 20727, 20727), -- 2026-09: 2026-09-01 to 2026-09-30
    (0, 1, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (0, 2, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (0, 3, 20788, 20819, 20793), -- 2026-12: 2026-12-01 to 2026-12-05
    (1, 0, 20635, 20727, 20727), -- the span before: 2026-07-01 to 2026-09-30
    (1, 1, 20727, 20819, 20793), -- 2026-10..2026-12: 2026-10-01 to 2026-12-05
    (2, 0, 20666, 20697, 20697), -- 2026-08: 2026-08-01 to 2026-08-31
    (2, 1, 20697, 20727, 20727), -- 2026-09: 2026-09-01 to 2026-09-30
    (3, 0, 20332, 20362, 20362), -- 2025-09: 2025-09-01 to 2025-09-30
    (3, 1, 20362, 20393, 20393), -- 2025-10: 2025-10-01 to 2025-10-31
    (3, 2, 20393, 20423, 20423), -- 2025-11: 2025-11-01 to 2025-11-30
    (3, 3, 20423, 20454, 20454), -- 2025-12: 2025-12-01 to 2025-12-31
    (4, 0, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (4, 1, 20788, 20793, 20793), -- 2026-12 to 2026-12-05: 2026-12-01 to 2026-12-05
    (5, 0, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (5, 1, 20758, 20763, 20763), -- 2026-11 to 2026-11-05: 2026-11-01 to 2026-11-05
    (6, 0, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (6, 1, 20788, 20793, 20793), -- 2026-12 to 2026-12-05: 2026-12-01 to 2026-12-05
    (7, 0, 20393, 20423, 20423), -- 2025-11: 2025-11-01 to 2025-11-30
    (7, 1, 20423, 20428, 20428) -- 2025-12 to 2025-12-05: 2025-12-01 to 2025-12-05
  ) AS win(s, w, ws, we, wt)),
p0 AS (
  SELECT (DATE_PART(epoch_second, CAST("created_at" AS TIMESTAMP_NTZ)) / 86400.0) AS ct,
    CASE WHEN (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) >= -25567 AND (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) < 84006 THEN (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) END AS clt,
    NULLIF(TRIM(CAST("stage" AS VARCHAR)), '') AS st,
    CAST("amount" AS DOUBLE) AS value,
    CAST('' AS VARCHAR) AS g
  FROM "sales"."pipeline"
),
p AS (
  SELECT CAST(FLOOR(ct) AS BIGINT) AS cd, ct, clt, CAST(FLOOR(clt) AS BIGINT) AS cld, CASE LOWER(REGEXP_REPLACE(st, '[^A-Za-z0-9]', '')) WHEN 'won' THEN 1 WHEN 'win' THEN 1 WHEN 'closedwon' THEN 1 WHEN 'wondeal' THEN 1 WHEN 'deal' THEN 1 WHEN 'dealwon' THEN 1 WHEN 'menang' THEN 1 WHEN 'berhasil' THEN 1 WHEN 'sukses' THEN 1 WHEN 'success' THEN 1 WHEN 'successful' THEN 1 WHEN 'closed' THEN 1 WHEN 'converted' THEN 1 WHEN 'signed' THEN 1 WHEN 'booked' THEN 1 WHEN 'terjual' THEN 1 WHEN 'dealberhasil' THEN 1 WHEN 'lost' THEN 2 WHEN 'lose' THEN 2 WHEN 'loss' THEN 2 WHEN 'closedlost' THEN 2 WHEN 'deallost' THEN 2 WHEN 'kalah' THEN 2 WHEN 'gagal' THEN 2 WHEN 'batal' THEN 2 WHEN 'dead' THEN 2 WHEN 'cancelled' THEN 2 WHEN 'canceled' THEN 2 WHEN 'rejected' THEN 2 WHEN 'disqualified' THEN 2 WHEN 'unqualified' THEN 2 WHEN 'ditolak' THEN 2 WHEN 'tidakjadi' THEN 2 WHEN 'hilang' THEN 2 WHEN 'nodeal' THEN 2 WHEN 'churned' THEN 2 ELSE 0 END AS status, value, g
  FROM p0 WHERE ct IS NOT NULL AND st IS NOT NULL AND ct >= -25567 AND ct < 20793
),
pd AS (
  SELECT p.*, CASE WHEN status <> 0 AND NOT (cld IS NOT NULL AND cld > 20792) THEN 1 ELSE 0 END AS decided FROM p
),
pcl AS (SELECT GREATEST(0, cld - cd) AS days FROM pd WHERE status <> 0 AND cld IS NOT NULL AND cld <= 20792),
pr AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS r, COUNT(*) OVER () AS n FROM pcl),
pm AS (
  SELECT 20792 - COALESCE(MIN(days), 0) AS last_created, MIN(days) AS close_days
  FROM pr WHERE r = CAST(CEIL(CAST(0.9 AS DOUBLE) * n) AS BIGINT)
),
pw AS (
  SELECT pd.g, win.s, win.w,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we THEN 1 ELSE 0 END) AS leads,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we AND pd.cd <= pm.last_created THEN 1 ELSE 0 END) AS mature,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we AND pd.cd <= pm.last_created AND pd.decided = 1 AND pd.status = 1 THEN 1 ELSE 0 END) AS leads_won,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we THEN 1 ELSE 0 END) AS won,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 2 AND pd.cld >= win.ws AND pd.cld < win.we THEN 1 ELSE 0 END) AS lost,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we AND pd.value IS NOT NULL THEN pd.value END) AS won_value,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we AND pd.value IS NOT NULL THEN 1 ELSE 0 END) AS won_with_value,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we THEN pd.clt - pd.ct END) AS cycle_sum,
    SUM(CASE WHEN pd.cd < win.we AND (pd.decided = 0 OR pd.cld >= win.we) THEN 1 ELSE 0 END) AS open_count,
    SUM(CASE WHEN pd.cd < win.we AND (pd.decided = 0 OR pd.cld >= win.we) THEN pd.value END) AS open_value
  FROM pd CROSS JOIN win CROSS JOIN pm WHERE pd.g IS NOT NULL GROUP BY pd.g, win.s, win.w
),
pcy AS (SELECT pd.g, win.s, win.w, pd.clt - pd.ct AS cycle FROM pd JOIN win ON pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we WHERE pd.g IS NOT NULL),
pmed AS (SELECT g, s, w, MEDIAN(cycle) AS med FROM pcy GROUP BY g, s, w),
pgs AS (SELECT CAST('' AS VARCHAR) AS g),
pm2 AS (
  SELECT pgs.g, win.s, win.w, COALESCE(pw.leads, 0) AS leads, COALESCE(pw.mature, 0) AS mature, COALESCE(pw.leads_won, 0) AS leads_won,
    COALESCE(pw.won, 0) AS won, COALESCE(pw.lost, 0) AS lost, COALESCE(pw.won_value, 0) AS won_value, COALESCE(pw.won_with_value, 0) AS won_with_value,
    COALESCE(pw.cycle_sum, 0) AS cycle_sum, COALESCE(pw.open_count, 0) AS open_count, COALESCE(pw.open_value, 0) AS open_value, pmed.med AS cycle_median,
    pm.close_days
  FROM pgs CROSS JOIN win CROSS JOIN pm
  LEFT JOIN pw ON pw.g = pgs.g AND pw.s = win.s AND pw.w = win.w
  LEFT JOIN pmed ON pmed.g = pgs.g AND pmed.s = win.s AND pmed.w = win.w
  WHERE win.w > 0
)
SELECT g, s, w,
  CAST(close_days AS DOUBLE) AS close_days,
  CAST(leads AS DOUBLE) AS "leads",
  NULL AS "leads__why",
  CAST(CASE WHEN mature = 0 THEN NULL ELSE CAST(leads_won AS DOUBLE) / (mature) END AS DOUBLE) AS "conversion_rate",
  CASE WHEN leads = 0 THEN 'none:leads created' WHEN mature = 0 THEN 'young' END AS "conversion_rate__why",
  CAST(CASE WHEN won + lost = 0 THEN NULL ELSE CAST(won AS DOUBLE) / (won + lost) END AS DOUBLE) AS "win_rate",
  CASE WHEN won + lost = 0 THEN 'none:deals closed' END AS "win_rate__why",
  CAST(CASE WHEN won_with_value = 0 THEN NULL ELSE CAST(won_value AS DOUBLE) / (won_with_value) END AS DOUBLE) AS "avg_deal_size",
  CASE WHEN won_with_value = 0 THEN 'none:won deals closed' END AS "avg_deal_size__why",
  CAST(CASE WHEN won = 0 THEN NULL ELSE CAST(cycle_sum AS DOUBLE) / (won) END AS DOUBLE) AS "sales_cycle_days",
  CASE WHEN won = 0 THEN 'empty:won deals closed' END AS "sales_cycle_days__why",
  CAST(cycle_median AS DOUBLE) AS "sales_cycle_days_median",
  CASE WHEN won = 0 THEN 'empty:won deals closed' END AS "sales_cycle_days_median__why",
  CAST(open_value AS DOUBLE) AS "pipeline_value",
  NULL AS "pipeline_value__why",
  CAST(CASE WHEN won + lost = 0 OR won_with_value = 0 OR won = 0 OR cycle_sum = 0 THEN NULL ELSE CAST(open_count AS DOUBLE) * CASE WHEN won + lost = 0 THEN NULL ELSE CAST(won AS DOUBLE) / (won + lost) END * CASE WHEN won_with_value = 0 THEN NULL ELSE CAST(won_value AS DOUBLE) / (won_with_value) END / CASE WHEN won = 0 THEN NULL ELSE CAST(cycle_sum AS DOUBLE) / (won) END END AS DOUBLE) AS "pipeline_velocity",
  COALESCE(CASE WHEN won + lost = 0 THEN 'none:deals closed' END, CASE WHEN won_with_value = 0 THEN 'none:won deals closed' END, CASE WHEN won = 0 THEN 'empty:won deals closed' END, CASE WHEN cycle_sum = 0 THEN 'cycle:zero' END) AS "pipeline_velocity__why"
FROM pm2
ORDER BY g, s, w;

-- by region, 2026-12 and the period before: one row per key (g).
WITH
win AS (SELECT * FROM (VALUES
    (0, 0, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (0, 1, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (0, 2, 20788, 20819, 20793) -- 2026-12: 2026-12-01 to 2026-12-05
  ) AS win(s, w, ws, we, wt)),
o0 AS (
  SELECT ROW_NUMBER() OVER (ORDER BY "order_date", "order_id", "net_amount") - 1 AS rn,
    DATEDIFF(day, '1970-01-01'::DATE, "order_date") AS day,
    CAST("net_amount" AS DOUBLE) AS amount,
    CAST("qty" AS DOUBLE) AS qty,
    CAST("cogs" AS DOUBLE) AS cost,
    NULLIF(TRIM(CAST("customer_id" AS VARCHAR)), '') AS cust,
    NULLIF(TRIM(CAST("order_id" AS VARCHAR)), '') AS oid,
    COALESCE(NULLIF(TRIM(CAST("region" AS VARCHAR)), ''), '(blank)') AS g
  FROM "sales"."orders"
),
o AS (
  SELECT rn, day, amount, qty, cost, cust, COALESCE(oid, '~row:' || CAST(rn AS VARCHAR)) AS okey, g
  FROM o0
  WHERE day IS NOT NULL AND amount IS NOT NULL AND day BETWEEN -25567 AND 20792
),
b AS (
  SELECT g, cust, okey, day, COUNT(*) AS n, SUM(amount) AS revenue, SUM(qty) AS units,
    SUM(CASE WHEN cost IS NOT NULL THEN amount END) AS rwc, SUM(cost) AS cost,
    SUM(CASE WHEN amount >= 0 THEN 1 ELSE 0 END) AS pos, MIN(CASE WHEN amount >= 0 THEN rn END) AS prn
  FROM o WHERE day >= 20727 AND day < 20793 GROUP BY g, cust, okey, day
),
fo AS (
  SELECT cust, MIN(day) AS first_day, MIN(day * 4294967296 + rn) AS first_key
  FROM o WHERE amount >= 0 AND cust IS NOT NULL GROUP BY cust
),
life AS (SELECT cust, ROW_NUMBER() OVER (ORDER BY cust) AS cid, first_day, first_key, CAST(NULL AS BIGINT) AS second_day FROM fo),
bc AS (
  SELECT b.g, life.cid, b.okey, b.day, b.pos, life.first_day, life.second_day,
    CASE WHEN b.day * 4294967296 + b.prn = life.first_key THEN 1 ELSE 0 END AS is_first
  FROM b JOIN life ON b.cust = life.cust
  WHERE b.pos > 0 AND b.g IS NOT NULL
),
dw AS (
  SELECT win.s, win.w, win.ws, win.wt, win.ws + k.k AS day
  FROM win CROSS JOIN (SELECT ROW_NUMBER() OVER (ORDER BY SEQ4()) - 1 AS k FROM TABLE(GENERATOR(ROWCOUNT => 31))) AS k
  WHERE k.k < win.wt - win.ws
),
bw AS (SELECT dw.s, dw.w, b.* FROM b JOIN dw ON b.day = dw.day WHERE b.g IS NOT NULL),
agg AS (
  SELECT g, s, w, SUM(n) AS nrows, SUM(revenue) AS revenue, SUM(units) AS units,
    SUM(rwc) AS revenue_with_cost, SUM(cost) AS cost,
    COUNT(DISTINCT CASE WHEN pos > 0 THEN okey END) AS orders,
    COUNT(DISTINCT CASE WHEN pos > 0 AND cust IS NOT NULL THEN okey END) AS orders_with_customer,
    SUM(CASE WHEN cust IS NOT NULL THEN revenue END) AS revenue_with_customer
  FROM bw GROUP BY g, s, w
),
aw AS (
  SELECT bc.g, dw.s, dw.w, bc.cid, SUM(bc.is_first) AS nf,
    CASE WHEN MIN(bc.first_day) >= MIN(dw.ws) THEN 1 ELSE 0 END AS ft, CASE WHEN MIN(bc.second_day) < MIN(dw.wt) THEN 1 ELSE 0 END AS rp
  FROM bc JOIN dw ON bc.day = dw.day GROUP BY bc.g, dw.s, dw.w, bc.cid
),
cw AS (
  SELECT g, s, w, COUNT(*) AS customers, SUM(nf) AS new_customers, SUM(ft) AS first_timers, SUM(rp) AS repeat_customers
  FROM aw GROUP BY g, s, w
),
gs AS (SELECT DISTINCT g FROM bw UNION ALL SELECT '~empty~' AS g),
m AS (
  SELECT gs.g, win.s, win.w, win.ws, win.we, win.wt,
    COALESCE(agg.nrows, 0) AS nrows,
    COALESCE(agg.revenue, 0) AS revenue,
    COALESCE(agg.units, 0) AS units,
    COALESCE(agg.revenue_with_cost, 0) AS revenue_with_cost,
    COALESCE(agg.cost, 0) AS cost,
    COALESCE(agg.orders, 0) AS orders,
    COALESCE(agg.orders_with_customer, 0) AS orders_with_customer,
    COALESCE(agg.revenue_with_customer, 0) AS revenue_with_customer,
    COALESCE(cw.new_customers, 0) AS new_customers,
    COALESCE(cw.customers, 0) AS customers,
    COALESCE(cw.first_timers, 0) AS first_timers,
    COALESCE(cw.repeat_customers, 0) AS repeat_customers,
    0 AS retained,
    COALESCE(cwp.customers, 0) AS prev_customers
  FROM gs CROSS JOIN win
  LEFT JOIN agg ON agg.g = gs.g AND agg.s = win.s AND agg.w = win.w
  LEFT JOIN cw ON cw.g = gs.g AND cw.s = win.s AND cw.w = win.w
  LEFT JOIN cw cwp ON cwp.g = gs.g AND cwp.s = win.s AND cwp.w = win.w - 1
  WHERE win.w > 0
)
SELECT g, s, w,
  CAST(nrows AS DOUBLE) AS nrows,
  CAST(revenue AS DOUBLE) AS "revenue",
  NULL AS "revenue__why",
  CAST(orders AS DOUBLE) AS "orders",
  NULL AS "orders__why",
  CAST(CASE WHEN orders = 0 THEN NULL ELSE CAST(revenue AS DOUBLE) / (orders) END AS DOUBLE) AS "aov",
  CASE WHEN orders = 0 THEN 'none:orders' END AS "aov__why",
  CAST(customers AS DOUBLE) AS "customers",
  NULL AS "customers__why",
  CAST(new_customers AS DOUBLE) AS "new_customers",
  NULL AS "new_customers__why"
FROM m
ORDER BY g, s, w;

-- by region, 2026-12 and the period before: one row per key (g).
WITH
win AS (SELECT * FROM (VALUES
    (0, 0, 20727, 20758, 20758), -- 2026-10: 2026-10-01 to 2026-10-31
    (0, 1, 20758, 20788, 20788), -- 2026-11: 2026-11-01 to 2026-11-30
    (0, 2, 20788, 20819, 20793) -- 2026-12: 2026-12-01 to 2026-12-05
  ) AS win(s, w, ws, we, wt)),
p0 AS (
  SELECT (DATE_PART(epoch_second, CAST("created_at" AS TIMESTAMP_NTZ)) / 86400.0) AS ct,
    CASE WHEN (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) >= -25567 AND (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) < 84006 THEN (DATE_PART(epoch_second, CAST("closed_at" AS TIMESTAMP_NTZ)) / 86400.0) END AS clt,
    NULLIF(TRIM(CAST("stage" AS VARCHAR)), '') AS st,
    CAST("amount" AS DOUBLE) AS value,
    COALESCE(lower(NULLIF(TRIM(CAST("region" AS VARCHAR)), '')), '(blank)') AS g
  FROM "sales"."pipeline"
),
p AS (
  SELECT CAST(FLOOR(ct) AS BIGINT) AS cd, ct, clt, CAST(FLOOR(clt) AS BIGINT) AS cld, CASE LOWER(REGEXP_REPLACE(st, '[^A-Za-z0-9]', '')) WHEN 'won' THEN 1 WHEN 'win' THEN 1 WHEN 'closedwon' THEN 1 WHEN 'wondeal' THEN 1 WHEN 'deal' THEN 1 WHEN 'dealwon' THEN 1 WHEN 'menang' THEN 1 WHEN 'berhasil' THEN 1 WHEN 'sukses' THEN 1 WHEN 'success' THEN 1 WHEN 'successful' THEN 1 WHEN 'closed' THEN 1 WHEN 'converted' THEN 1 WHEN 'signed' THEN 1 WHEN 'booked' THEN 1 WHEN 'terjual' THEN 1 WHEN 'dealberhasil' THEN 1 WHEN 'lost' THEN 2 WHEN 'lose' THEN 2 WHEN 'loss' THEN 2 WHEN 'closedlost' THEN 2 WHEN 'deallost' THEN 2 WHEN 'kalah' THEN 2 WHEN 'gagal' THEN 2 WHEN 'batal' THEN 2 WHEN 'dead' THEN 2 WHEN 'cancelled' THEN 2 WHEN 'canceled' THEN 2 WHEN 'rejected' THEN 2 WHEN 'disqualified' THEN 2 WHEN 'unqualified' THEN 2 WHEN 'ditolak' THEN 2 WHEN 'tidakjadi' THEN 2 WHEN 'hilang' THEN 2 WHEN 'nodeal' THEN 2 WHEN 'churned' THEN 2 ELSE 0 END AS status, value, g
  FROM p0 WHERE ct IS NOT NULL AND st IS NOT NULL AND ct >= -25567 AND ct < 20793
),
pd AS (
  SELECT p.*, CASE WHEN status <> 0 AND NOT (cld IS NOT NULL AND cld > 20792) THEN 1 ELSE 0 END AS decided FROM p
),
pcl AS (SELECT GREATEST(0, cld - cd) AS days FROM pd WHERE status <> 0 AND cld IS NOT NULL AND cld <= 20792),
pr AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS r, COUNT(*) OVER () AS n FROM pcl),
pm AS (
  SELECT 20792 - COALESCE(MIN(days), 0) AS last_created, MIN(days) AS close_days
  FROM pr WHERE r = CAST(CEIL(CAST(0.9 AS DOUBLE) * n) AS BIGINT)
),
pw AS (
  SELECT pd.g, win.s, win.w,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we THEN 1 ELSE 0 END) AS leads,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we AND pd.cd <= pm.last_created THEN 1 ELSE 0 END) AS mature,
    SUM(CASE WHEN pd.cd >= win.ws AND pd.cd < win.we AND pd.cd <= pm.last_created AND pd.decided = 1 AND pd.status = 1 THEN 1 ELSE 0 END) AS leads_won,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we THEN 1 ELSE 0 END) AS won,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 2 AND pd.cld >= win.ws AND pd.cld < win.we THEN 1 ELSE 0 END) AS lost,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we AND pd.value IS NOT NULL THEN pd.value END) AS won_value,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we AND pd.value IS NOT NULL THEN 1 ELSE 0 END) AS won_with_value,
    SUM(CASE WHEN pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we THEN pd.clt - pd.ct END) AS cycle_sum,
    SUM(CASE WHEN pd.cd < win.we AND (pd.decided = 0 OR pd.cld >= win.we) THEN 1 ELSE 0 END) AS open_count,
    SUM(CASE WHEN pd.cd < win.we AND (pd.decided = 0 OR pd.cld >= win.we) THEN pd.value END) AS open_value
  FROM pd CROSS JOIN win CROSS JOIN pm WHERE pd.g IS NOT NULL GROUP BY pd.g, win.s, win.w
),
pcy AS (SELECT pd.g, win.s, win.w, pd.clt - pd.ct AS cycle FROM pd JOIN win ON pd.decided = 1 AND pd.status = 1 AND pd.cld >= win.ws AND pd.cld < win.we WHERE pd.g IS NOT NULL),
pmed AS (SELECT g, s, w, MEDIAN(cycle) AS med FROM pcy GROUP BY g, s, w),
pgs AS (SELECT DISTINCT g FROM pd WHERE g IS NOT NULL UNION ALL SELECT '~empty~' AS g),
pm2 AS (
  SELECT pgs.g, win.s, win.w, COALESCE(pw.leads, 0) AS leads, COALESCE(pw.mature, 0) AS mature, COALESCE(pw.leads_won, 0) AS leads_won,
    COALESCE(pw.won, 0) AS won, COALESCE(pw.lost, 0) AS lost, COALESCE(pw.won_value, 0) AS won_value, COALESCE(pw.won_with_value, 0) AS won_with_value,
    COALESCE(pw.cycle_sum, 0) AS cycle_sum, COALESCE(pw.open_count, 0) AS open_count, COALESCE(pw.open_value, 0) AS open_value, pmed.med AS cycle_median,
    pm.close_days
  FROM pgs CROSS JOIN win CROSS JOIN pm
  LEFT JOIN pw ON pw.g = pgs.g AND pw.s = win.s AND pw.w = win.w
  LEFT JOIN pmed ON pmed.g = pgs.g AND pmed.s = win.s AND pmed.w = win.w
  WHERE win.w > 0
)
SELECT g, s, w,
  CAST(close_days AS DOUBLE) AS close_days,
  CAST(leads AS DOUBLE) AS "leads",
  NULL AS "leads__why",
  CAST(CASE WHEN won + lost = 0 THEN NULL ELSE CAST(won AS DOUBLE) / (won + lost) END AS DOUBLE) AS "win_rate",
  CASE WHEN won + lost = 0 THEN 'none:deals closed' END AS "win_rate__why",
  CAST(CASE WHEN won_with_value = 0 THEN NULL ELSE CAST(won_value AS DOUBLE) / (won_with_value) END AS DOUBLE) AS "avg_deal_size",
  CASE WHEN won_with_value = 0 THEN 'none:won deals closed' END AS "avg_deal_size__why",
  CAST(CASE WHEN won = 0 THEN NULL ELSE CAST(cycle_sum AS DOUBLE) / (won) END AS DOUBLE) AS "sales_cycle_days",
  CASE WHEN won = 0 THEN 'empty:won deals closed' END AS "sales_cycle_days__why",
  CAST(open_value AS DOUBLE) AS "pipeline_value",
  NULL AS "pipeline_value__why"
FROM pm2
ORDER BY g, s, w;
