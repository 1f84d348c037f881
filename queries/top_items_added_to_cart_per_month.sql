-- @name top_items_added_to_cart_per_month
-- @description The items added to cart most often in each month.
-- @param stores_from INT = 1
-- @param stores_to INT = 3
-- @param since DATE = '2026-11-01'
-- @param until DATE = '2026-11-30'
-- @param top INT = 10
SELECT month, item_id, add_to_cart_clicks, rank
FROM (
  SELECT date_trunc('month', event_date) AS month,
         detail->'click_target'->>'item_id' AS item_id,
         count(*) AS add_to_cart_clicks,
         row_number() OVER (PARTITION BY date_trunc('month', event_date) ORDER BY count(*) DESC, detail->'click_target'->>'item_id') AS rank
  FROM user_logs
  WHERE store_id BETWEEN :stores_from AND :stores_to
    AND event_date BETWEEN :since AND :until
    AND event_id = 2
    AND detail->'click_target'->>'btn-id' = 'shop_add_to_cart'
  GROUP BY date_trunc('month', event_date), detail->'click_target'->>'item_id'
) ranked
WHERE rank <= :top
ORDER BY month, rank;
