/**
 * Short news texts written for this project (never copied from a source), to measure and test
 * the English check of src/extract/input.ts: English wire copy of several lengths (name-heavy
 * briefs included) and the same kind of copy in French, German, Spanish, Indonesian, Swahili,
 * Turkish, Italian, Portuguese and Dutch.
 */
export const ENGLISH: Record<string, string> = {
  brief: `Kenyan President Amina Otieno arrived in Kampala on Tuesday for two days of talks with Ugandan officials on trade and security.`,
  names: `NAIROBI – Foreign Minister Juma Wekesa met Ethiopian Prime Minister Daniel Haile, AU Commission Chairperson Moussa Diallo and IGAD Executive Secretary Omar Farah in Addis Ababa on Monday.`,
  quote: `"We are ready to sign the agreement next month," Interior Minister Carlos Mendes told reporters in Lisbon, adding that the two governments had settled the last open questions.`,
  wire: `ISLAMABAD – Pakistan and Uzbekistan agreed on Wednesday to double bilateral trade to $2 billion within three years, officials said after a meeting of the joint commission.
The two sides signed memorandums of understanding on rail links, energy and education, the foreign ministry said in a statement.
Uzbek Deputy Prime Minister Rustam Karimov, who led his country's delegation, said the rail corridor through Afghanistan would cut transit times by half.
"This is a historic step for the whole region," he said.`,
  background: `The visit is the first by a Chilean head of state since 2015, when then-President Elena Vargas travelled to Canberra for a regional summit. Officials from both countries are expected to meet again in early March to prepare a free trade agreement.`,
  headline: `Mongolian premier to visit Seoul next week`,
  figures: `The World Bank approved a $450 million loan for the project, its largest in the country since 2019, and the Asian Development Bank added another $120 million.`,
  minister: `Speaking at a news conference in Nairobi, Kenya's Cabinet Secretary for Foreign Affairs, Joyce Mwangi, said that the East African Community would send an observer mission to the elections.`,
};

export const OTHER: Record<string, string> = {
  french: `Le président kényan est arrivé mardi à Kampala pour deux jours d'entretiens avec les responsables ougandais sur le commerce et la sécurité. Les deux pays ont signé un accord sur les chemins de fer, a déclaré le ministère des Affaires étrangères dans un communiqué.`,
  french_short: `Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris lundi pour parler de la guerre.`,
  german: `Der kenianische Präsident ist am Dienstag zu zweitägigen Gesprächen mit ugandischen Regierungsvertretern über Handel und Sicherheit in Kampala eingetroffen. Beide Länder unterzeichneten ein Abkommen über den Ausbau der Eisenbahn, teilte das Außenministerium mit.`,
  spanish: `El presidente de Kenia llegó el martes a Kampala para dos días de conversaciones con funcionarios ugandeses sobre comercio y seguridad. Los dos países firmaron un acuerdo sobre ferrocarriles, según informó el Ministerio de Asuntos Exteriores en un comunicado.`,
  indonesian: `Presiden Kenya tiba di Kampala pada hari Selasa untuk pembicaraan selama dua hari dengan pejabat Uganda mengenai perdagangan dan keamanan. Kedua negara menandatangani perjanjian kerja sama di bidang kereta api, kata Kementerian Luar Negeri dalam sebuah pernyataan.`,
  swahili: `Rais wa Kenya aliwasili Kampala siku ya Jumanne kwa mazungumzo ya siku mbili na maafisa wa Uganda kuhusu biashara na usalama. Nchi hizo mbili zilitia saini mkataba wa reli, wizara ya mambo ya nje ilisema katika taarifa.`,
  turkish: `Kenya Cumhurbaşkanı, ticaret ve güvenlik konularında Uganda yetkilileriyle iki gün sürecek görüşmeler için salı günü Kampala'ya geldi. Dışişleri Bakanlığı yaptığı açıklamada, iki ülkenin demiryolu alanında bir anlaşma imzaladığını ve her iki tarafın da işbirliğini sürdüreceğini söyledi.`,
  italian: `Il presidente del Kenya è arrivato martedì a Kampala per due giorni di colloqui con i funzionari ugandesi su commercio e sicurezza. I due paesi hanno firmato un accordo sulle ferrovie, ha detto il ministero degli Esteri in una nota.`,
  portuguese: `O presidente do Quênia chegou na terça-feira a Kampala para dois dias de conversas com autoridades ugandenses sobre comércio e segurança. Os dois países assinaram um acordo sobre ferrovias, disse o Ministério das Relações Exteriores em um comunicado.`,
  dutch: `De Keniaanse president is dinsdag in Kampala aangekomen voor twee dagen overleg met Oegandese functionarissen over handel en veiligheid. Beide landen hebben een akkoord over het spoor getekend, zei het ministerie van Buitenlandse Zaken in een verklaring. Het was een belangrijke stap, zei hij.`,
};
