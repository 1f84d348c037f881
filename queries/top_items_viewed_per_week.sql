-- @name top_items_viewed_per_week
-- @description The most viewed items of each ISO week (weeks start on Monday), over a date range.
-- @param stores_from INT = 1
-- @param stores_to INT = 3
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
-- @param top INT = 10
SELECT week, item_id, views, rank
FROM (
  SELECT date_trunc('week', event_date) AS week,
         detail->>'item_id' AS item_id,
         count(*) AS views,
         row_number() OVER (PARTITION BY date_trunc('week', event_date) ORDER BY count(*) DESC, detail->>'item_id') AS rank
  FROM user_logs
  WHERE store_id BETWEEN :stores_from AND :stores_to
    AND event_date BETWEEN :since AND :until
    AND event_id = 1
    AND detail->>'page_type' = 'product'
  GROUP BY date_trunc('week', event_date), detail->>'item_id'
) ranked
WHERE rank <= :top
ORDER BY week, rank;
