-- @name top_items_viewed_per_month
-- @description The most viewed items of each month, over a range of months.
-- @param stores_from INT = 1
-- @param stores_to INT = 3
-- @param since DATE = '2026-11-01'
-- @param until DATE = '2026-11-30'
-- @param top INT = 10
SELECT month, item_id, views, rank
FROM (
  SELECT date_trunc('month', event_date) AS month,
         detail->>'item_id' AS item_id,
         count(*) AS views,
         row_number() OVER (PARTITION BY date_trunc('month', event_date) ORDER BY count(*) DESC, detail->>'item_id') AS rank
  FROM user_logs
  WHERE store_id BETWEEN :stores_from AND :stores_to
    AND event_date BETWEEN :since AND :until
    AND event_id = 1
    AND detail->>'page_type' = 'product'
  GROUP BY date_trunc('month', event_date), detail->>'item_id'
) ranked
WHERE rank <= :top
ORDER BY month, rank;
