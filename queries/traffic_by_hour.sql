-- @name traffic_by_hour
-- @description Page views by hour of day (UTC) per store, over a date range.
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
SELECT store_id, hour, count(*) AS page_views
FROM user_logs
WHERE store_id BETWEEN 1 AND 3
  AND event_date BETWEEN :since AND :until
  AND event_id = 1
GROUP BY store_id, hour
ORDER BY store_id, hour;
