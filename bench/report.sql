-- Weekly store report over the web-analytics event log.
-- event_id: 1 page view, 2 click, 3 time on page.

SET timezone = 'UTC';
SET page_size TO 5000;

-- 1. Daily traffic per store for the last week.
SELECT
  store_id,
  year,
  month,
  day,
  count(*) FILTER (WHERE event_id = 1) AS page_views,
  count(*) FILTER (WHERE event_id = 2) AS clicks,
  count(DISTINCT user_id) AS visitors,
  count(DISTINCT session_id) AS sessions
FROM cassalytics.user_logs
WHERE year = 2024
  AND month = 3
  AND day BETWEEN 1 AND 7
GROUP BY store_id, year, month, day
ORDER BY store_id, year, month, day;

-- 2. Hourly click-through rate, with a 3-hour moving average.
WITH hourly AS (
  SELECT
    store_id,
    hour,
    count(*) FILTER (WHERE event_id = 1) AS views,
    count(*) FILTER (WHERE event_id = 2) AS clicks
  FROM user_logs
  WHERE year = 2024 AND month = 3 AND day = 7
  GROUP BY store_id, hour
)
SELECT
  store_id,
  hour,
  views,
  clicks,
  CASE WHEN views = 0 THEN NULL ELSE clicks::double / views END AS ctr,
  avg(clicks::double / nullif(views, 0)) OVER (
    PARTITION BY store_id
    ORDER BY hour
    ROWS BETWEEN 2 PRECEDING AND CURRENT ROW
  ) AS ctr_3h
FROM hourly
ORDER BY store_id, hour;

-- 3. Add-to-cart buttons by click target.
SELECT
  detail->'click_target'->>'btn-id' AS button,
  count(*) AS clicks,
  count(DISTINCT user_id) AS users
FROM user_logs
WHERE event_id = 2
  AND year = 2024
  AND month = 3
  AND detail->'click_target'->>'btn-id' LIKE 'shop\_%' ESCAPE '\'
GROUP BY 1
HAVING count(*) >= 10
ORDER BY clicks DESC NULLS LAST
LIMIT 20;

-- 4. Time on page per URL, excluding outliers.
SELECT
  url,
  count(*) AS samples,
  avg(CAST(detail->>'seconds' AS DOUBLE)) AS mean_seconds,
  percentile_cont(0.5, CAST(detail->>'seconds' AS DOUBLE)) AS median_seconds,
  max(CAST(detail->>'seconds' AS DOUBLE)) AS max_seconds
FROM user_logs
WHERE event_id = 3
  AND year = 2024
  AND month = 3
  AND CAST(detail->>'seconds' AS DOUBLE) BETWEEN 1 AND 3600
  AND url NOT ILIKE '%/admin/%'
GROUP BY url
ORDER BY samples DESC
LIMIT 50;

-- 5. Sessions and their length.
WITH sessions AS (
  SELECT
    session_id,
    user_id,
    min(log_time) AS started,
    max(log_time) AS ended,
    count(*) AS events
  FROM user_logs
  WHERE store_id = :store
    AND year = :year
    AND month = :month
  GROUP BY session_id, user_id
),
lengths AS (
  SELECT
    session_id,
    user_id,
    (ended - started) / 1000.0 AS seconds,
    events
  FROM sessions
)
SELECT
  CASE
    WHEN seconds < 10 THEN 'bounce'
    WHEN seconds < 60 THEN 'short'
    WHEN seconds < 600 THEN 'medium'
    ELSE 'long'
  END AS bucket,
  count(*) AS sessions,
  avg(events) AS events_per_session
FROM lengths
GROUP BY bucket
ORDER BY min(seconds);

-- 6. First page of each session.
SELECT
  session_id,
  url AS landing_page,
  to_timestamp(log_time / 1000) AS landed_at
FROM user_logs
WHERE store_id = 42
  AND year = 2024
  AND month = 3
  AND day = 7
QUALIFY row_number() OVER (PARTITION BY session_id ORDER BY log_time) = 1
ORDER BY landed_at
LIMIT 100 OFFSET 0;

-- 7. Week-over-week comparison.
SELECT
  'this week' AS period,
  count(*) AS events,
  count(DISTINCT user_id) AS users
FROM user_logs
WHERE year = 2024 AND month = 3 AND day BETWEEN 8 AND 14
UNION ALL
SELECT
  'last week',
  count(*),
  count(DISTINCT user_id)
FROM user_logs
WHERE year = 2024 AND month = 3 AND day BETWEEN 1 AND 7
ORDER BY period;

-- 8. Events in a time window given as timestamps and intervals.
SELECT
  date_trunc('hour', to_timestamp(log_time / 1000)) AS bucket,
  count(*) AS events
FROM user_logs
WHERE year = 2024
  AND month = 3
  AND to_timestamp(log_time / 1000) >= TIMESTAMP '2024-03-07 00:00:00' - INTERVAL '90 minutes'
  AND to_timestamp(log_time / 1000) < TIMESTAMP '2024-03-07 00:00:00' + INTERVAL 1 DAY
  AND EXTRACT(dow FROM to_timestamp(log_time / 1000)) NOT IN (0, 6)
GROUP BY 1
ORDER BY 1;

-- 9. Top users per store by activity, with a running share.
SELECT
  store_id,
  user_id,
  events,
  rank() OVER (PARTITION BY store_id ORDER BY events DESC) AS position,
  sum(events) OVER (
    PARTITION BY store_id
    ORDER BY events DESC
    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) * 100.0 / sum(events) OVER (PARTITION BY store_id) AS running_share
FROM (
  SELECT store_id, user_id, count(*) AS events
  FROM user_logs
  WHERE year = 2024 AND month = 3
  GROUP BY store_id, user_id
) AS per_user
QUALIFY position <= 10
ORDER BY store_id, position;

-- 10. Data quality checks.
SELECT
  count(*) AS rows_total,
  count(*) FILTER (WHERE url IS NULL) AS missing_url,
  count(*) FILTER (WHERE detail IS NULL OR detail = '') AS missing_detail,
  count(*) FILTER (WHERE user_id IS DISTINCT FROM lower(user_id)) AS mixed_case_users,
  count(*) FILTER (WHERE EXTRACT(hour FROM to_timestamp(log_time / 1000)) <> hour) AS hour_mismatch
FROM user_logs
WHERE year = 2024 AND month = 3;

-- 11. Pages viewed on mobile, from the JSON detail.
SELECT
  url,
  count(*) AS views,
  count(*) FILTER (WHERE detail->'device'->>'type' = 'mobile') AS mobile_views
FROM user_logs
WHERE event_id = 1
  AND year = 2024
  AND month = 3
GROUP BY url
HAVING count(*) > 100
ORDER BY mobile_views DESC
LIMIT 25;

EXPLAIN SELECT count(*) FROM user_logs WHERE store_id = 42 AND year = 2024 AND month = 3 AND day = 7 AND hour = 12;
RESET page_size;
