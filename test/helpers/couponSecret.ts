/** A Coupon Secret as a client would set one: long, random-looking, of its own. */
export const TEST_COUPON_SECRET = 'k3Q9-test-shop-coupon-secret-7Zp';
