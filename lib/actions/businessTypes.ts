/** The kinds of business the playbook presets and the messages are worded for. */
export const BUSINESS_TYPES = ['ecommerce', 'physicalStore', 'fmcg', 'apparel', 'restaurant', 'membershipStore', 'freshFood'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
