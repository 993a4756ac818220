/** Real US metro areas and plausible names for the sample workbook. Data only. */

export interface Metro {
  name: string;
  lat: number;
  lon: number;
  region: 'East' | 'South' | 'Central' | 'West';
}

/** Ordered so that the first N metros spread across all four regions. */
export const METROS: readonly Metro[] = [
  { name: 'New York', lat: 40.7128, lon: -74.006, region: 'East' },
  { name: 'Chicago', lat: 41.8781, lon: -87.6298, region: 'Central' },
  { name: 'Dallas', lat: 32.7767, lon: -96.797, region: 'South' },
  { name: 'Los Angeles', lat: 34.0522, lon: -118.2437, region: 'West' },
  { name: 'Boston', lat: 42.3601, lon: -71.0589, region: 'East' },
  { name: 'Atlanta', lat: 33.749, lon: -84.388, region: 'South' },
  { name: 'San Francisco', lat: 37.7749, lon: -122.4194, region: 'West' },
  { name: 'Minneapolis', lat: 44.9778, lon: -93.265, region: 'Central' },
  { name: 'Philadelphia', lat: 39.9526, lon: -75.1652, region: 'East' },
  { name: 'Houston', lat: 29.7604, lon: -95.3698, region: 'South' },
  { name: 'Seattle', lat: 47.6062, lon: -122.3321, region: 'West' },
  { name: 'Detroit', lat: 42.3314, lon: -83.0458, region: 'Central' },
  { name: 'Washington', lat: 38.9072, lon: -77.0369, region: 'East' },
  { name: 'Miami', lat: 25.7617, lon: -80.1918, region: 'South' },
  { name: 'Denver', lat: 39.7392, lon: -104.9903, region: 'Central' },
  { name: 'Phoenix', lat: 33.4484, lon: -112.074, region: 'West' },
];

export const MANAGERS: Record<Metro['region'], string> = {
  East: 'Dana Whitfield',
  South: 'Marcus Bell',
  Central: 'Priya Raman',
  West: 'Jordan Alvarez',
};

export const INDUSTRIES = [
  'Manufacturing',
  'Healthcare',
  'Financial Services',
  'Retail',
  'Software',
  'Logistics',
  'Education',
  'Energy',
  'Construction',
  'Professional Services',
] as const;

export const FIRST_NAMES = [
  'Avery', 'Blake', 'Carmen', 'Devon', 'Elena', 'Farid', 'Grace', 'Hector', 'Imani', 'Jonah',
  'Keiko', 'Luis', 'Maya', 'Nolan', 'Olivia', 'Pavel', 'Quinn', 'Rosa', 'Samir', 'Tessa',
];

export const LAST_NAMES = [
  'Adler', 'Brooks', 'Castillo', 'Duarte', 'Ellison', 'Fischer', 'Garner', 'Holt', 'Iverson', 'Jensen',
  'Kowalski', 'Lindqvist', 'Moreno', 'Nakamura', 'Okafor', 'Petrov', 'Quintero', 'Reyes', 'Sato', 'Turner',
];

export const NAME_WORDS = [
  'Apex', 'Beacon', 'Cedar', 'Summit', 'Harbor', 'Granite', 'Keystone', 'Lumen', 'Meridian', 'Northwind',
  'Orchard', 'Pinnacle', 'Quarry', 'Redwood', 'Silverline', 'Trident', 'Union', 'Vantage', 'Willow', 'Zenith',
  'Atlas', 'Bluebird', 'Crescent', 'Evergreen', 'Frontier', 'Horizon', 'Ironwood', 'Liberty', 'Prairie', 'Riverbend',
];

export const NAME_SUFFIXES: Record<(typeof INDUSTRIES)[number], string[]> = {
  Manufacturing: ['Manufacturing', 'Industries', 'Components', 'Fabrication'],
  Healthcare: ['Health', 'Medical Group', 'Clinics', 'Care Partners'],
  'Financial Services': ['Capital', 'Financial', 'Credit Union', 'Bancorp'],
  Retail: ['Outfitters', 'Markets', 'Retail Group', 'Supply Co.'],
  Software: ['Software', 'Labs', 'Systems', 'Analytics'],
  Logistics: ['Logistics', 'Freight', 'Distribution', 'Transport'],
  Education: ['Academy', 'University', 'Learning', 'Schools'],
  Energy: ['Energy', 'Power', 'Utilities', 'Renewables'],
  Construction: ['Builders', 'Construction', 'Contractors', 'Engineering'],
  'Professional Services': ['Consulting', 'Partners', 'Advisors', 'Group'],
};
