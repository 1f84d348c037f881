-- @name avg_time_on_page_per_url
-- @description Average time on page in seconds per URL path, for pages with enough visits.
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
-- @param min_visits INT = 50
SELECT url_path(url) AS path,
       count(*) AS visits,
       round(avg((detail->>'timeOnPage')::DOUBLE), 1) AS avg_seconds
FROM user_logs
WHERE store_id BETWEEN 1 AND 3
  AND event_date BETWEEN :since AND :until
  AND event_id = 3
GROUP BY path
HAVING count(*) >= :min_visits
ORDER BY avg_seconds DESC, path
LIMIT 25;
