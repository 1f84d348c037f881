-- @name top_items_viewed_per_day
-- @description The most viewed items of each day, per store, over a date range.
-- @param stores_from INT = 1
-- @param stores_to INT = 3
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-22'
-- @param top INT = 10
SELECT day, item_id, views, rank
FROM (
  SELECT event_date AS day,
         detail->>'item_id' AS item_id,
         count(*) AS views,
         row_number() OVER (PARTITION BY event_date ORDER BY count(*) DESC, detail->>'item_id') AS rank
  FROM user_logs
  WHERE store_id BETWEEN :stores_from AND :stores_to
    AND event_date BETWEEN :since AND :until
    AND event_id = 1
    AND detail->>'page_type' = 'product'
  GROUP BY event_date, detail->>'item_id'
) ranked
WHERE rank <= :top
ORDER BY day, rank;
