/**
 * World regions English news names ("West Africa", "the Balkans", "Middle East", "the Gulf"):
 * general geography, written by hand. Each entry: the region's name, other names, and the
 * adjective forms that name it with "region" / "sub-region" after them ("West African
 * sub-region", "Caribbean region"). Read by the `names` stage.
 */
export interface Region {
  name: string;
  aliases?: readonly string[];
  /** Adjectives that, followed by "region" / "sub-region", name this region. */
  adjectives?: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { name: 'Africa', adjectives: ['African'] },
  { name: 'West Africa', adjectives: ['West African', 'Western African'] },
  { name: 'East Africa', adjectives: ['East African', 'Eastern African'] },
  { name: 'North Africa', adjectives: ['North African', 'Northern African'] },
  { name: 'Southern Africa', adjectives: ['Southern African'] },
  { name: 'Central Africa', adjectives: ['Central African'] },
  { name: 'Sub-Saharan Africa', aliases: ['sub-Saharan Africa'] },
  { name: 'Horn of Africa' },
  { name: 'Sahel', adjectives: ['Sahelian'] },
  { name: 'Maghreb' },
  { name: 'Great Lakes region' },
  { name: 'Middle East', adjectives: ['Middle Eastern'] },
  { name: 'Near East' },
  { name: 'Gulf', aliases: ['Persian Gulf', 'Arabian Gulf', 'Gulf region'], adjectives: ['Gulf'] },
  { name: 'Levant' },
  { name: 'Arabian Peninsula' },
  { name: 'Asia', adjectives: ['Asian'] },
  { name: 'Central Asia', adjectives: ['Central Asian'] },
  { name: 'South Asia', adjectives: ['South Asian'] },
  { name: 'Southeast Asia', aliases: ['South-East Asia', 'South East Asia'], adjectives: ['Southeast Asian', 'South-East Asian'] },
  { name: 'East Asia', adjectives: ['East Asian'] },
  { name: 'Asia-Pacific', aliases: ['Asia Pacific'] },
  { name: 'Indo-Pacific' },
  { name: 'Pacific', aliases: ['Pacific Islands'], adjectives: ['Pacific'] },
  { name: 'Oceania' },
  { name: 'Korean Peninsula' },
  { name: 'Caucasus', aliases: ['South Caucasus', 'North Caucasus'], adjectives: ['Caucasian'] },
  { name: 'Europe', adjectives: ['European'] },
  { name: 'Western Europe', adjectives: ['Western European'] },
  { name: 'Eastern Europe', adjectives: ['Eastern European'] },
  { name: 'Central Europe', adjectives: ['Central European'] },
  { name: 'Balkans', aliases: ['Western Balkans'], adjectives: ['Balkan'] },
  { name: 'Baltic', aliases: ['Baltic states', 'Baltics'], adjectives: ['Baltic'] },
  { name: 'Scandinavia', adjectives: ['Scandinavian', 'Nordic'] },
  { name: 'Mediterranean', adjectives: ['Mediterranean'] },
  { name: 'Arctic', adjectives: ['Arctic'] },
  { name: 'Antarctica', aliases: ['Antarctic'] },
  { name: 'Americas' },
  { name: 'North America', adjectives: ['North American'] },
  { name: 'Latin America', adjectives: ['Latin American'] },
  { name: 'South America', adjectives: ['South American'] },
  { name: 'Central America', adjectives: ['Central American'] },
  { name: 'Caribbean', adjectives: ['Caribbean'] },
  { name: 'Eurasia', adjectives: ['Eurasian'] },
  { name: 'Black Sea', adjectives: ['Black Sea'] },
  { name: 'Red Sea' },
  { name: 'South China Sea' },
  { name: 'Gulf of Aden' },
  { name: 'Gulf of Guinea' },
  { name: 'Gulf of Mexico' },
  { name: 'Gulf of Oman' },
  { name: 'Strait of Hormuz' },
  { name: 'Bab el-Mandeb', aliases: ['Bab al-Mandab'] },
  { name: 'Taiwan Strait' },
  { name: 'Baltic Sea' },
  { name: 'Caspian Sea' },
  { name: 'Sea of Azov' },
  { name: 'Arabian Sea' },
  { name: 'Indian Ocean' },
  { name: 'Pacific Ocean' },
  { name: 'Atlantic Ocean' },
  { name: 'Kashmir' },
  { name: 'Gaza Strip', aliases: ['Gaza'] },
  { name: 'West Bank' },
  { name: 'Crimea' },
  { name: 'Donbas', aliases: ['Donbass'] },
  { name: 'Siberia' },
  { name: 'Tibet' },
  { name: 'Xinjiang' },
  { name: 'Kurdistan' },
  { name: 'Darfur' },
  { name: 'Tigray' },
];

/** Words that, after a region adjective, make a region name ("Caribbean region"). */
export const REGION_NOUNS: readonly string[] = ['region', 'sub-region', 'subregion'];
