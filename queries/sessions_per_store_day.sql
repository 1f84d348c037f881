-- @name sessions_per_store_day
-- @description Sessions, page views per session and bounce rate (sessions with one page view) per store and day.
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
SELECT store_id,
       day,
       count(*) AS sessions,
       round(sum(page_views) / count(*), 2) AS page_views_per_session,
       round(count_if(page_views = 1) / count(*), 4) AS bounce_rate
FROM (
  SELECT store_id, event_date AS day, session_id, count(*) AS page_views
  FROM user_logs
  WHERE store_id BETWEEN 1 AND 3
    AND event_date BETWEEN :since AND :until
    AND event_id = 1
  GROUP BY store_id, event_date, session_id
) per_session
GROUP BY store_id, day
ORDER BY store_id, day;
