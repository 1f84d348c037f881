-- @name funnel_per_store
-- @description The product view -> add to cart -> checkout funnel per store, in sessions reaching each step.
-- @param since DATE = '2026-11-16'
-- @param until DATE = '2026-11-29'
SELECT store_id,
       count(DISTINCT session_id) FILTER (WHERE event_id = 1 AND detail->>'page_type' = 'product') AS viewed_product,
       count(DISTINCT session_id) FILTER (WHERE event_id = 2 AND detail->'click_target'->>'btn-id' = 'shop_add_to_cart') AS added_to_cart,
       count(DISTINCT session_id) FILTER (WHERE event_id = 2 AND detail->'click_target'->>'btn-id' = 'shop_checkout') AS checked_out
FROM user_logs
WHERE store_id BETWEEN 1 AND 3
  AND event_date BETWEEN :since AND :until
  AND event_id IN (1, 2)
GROUP BY store_id
ORDER BY store_id;
