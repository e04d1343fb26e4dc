/**
 * Every Vietnamese syllable, folded (without marks): onsets × rhymes. Search
 * turns typo tolerance off for these words, so a real syllable is never
 * matched as a misspelling of another ("trường" and "thương" fold one letter
 * apart), while a word that is no syllable at all (a slip: "nguyn", an
 * English word) still finds its neighbours.
 */
const ONSETS = [
  '', 'b', 'c', 'ch', 'd', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r',
  's', 't', 'th', 'tr', 'v', 'x',
];
const RHYMES = [
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay', 'e', 'ec', 'em', 'en', 'eng', 'eo',
  'ep', 'et', 'eu', 'ech', 'enh', 'i', 'ia', 'ich', 'iec', 'iem', 'ien', 'ieng', 'iep', 'iet', 'ieu', 'im', 'in',
  'inh', 'ip', 'it', 'iu', 'o', 'oa', 'oac', 'oach', 'oai', 'oam', 'oan', 'oang', 'oanh', 'oao', 'oap', 'oat', 'oay',
  'oc', 'oe', 'oen', 'oeo', 'oet', 'oi', 'om', 'on', 'ong', 'ooc', 'oong', 'op', 'ot', 'u', 'ua', 'uan', 'uang',
  'uanh', 'uat', 'uay', 'uc', 'ue', 'uech', 'uen', 'uenh', 'uet', 'ui', 'um', 'un', 'ung', 'uo', 'uoc', 'uoi', 'uom',
  'uon', 'uong', 'uop', 'uot', 'up', 'ut', 'uu', 'uy', 'uya', 'uych', 'uyen', 'uyet', 'uynh', 'uyt', 'uyu', 'y', 'ye',
  'yen', 'yet', 'yeu', 'uoi', 'ươu',
];

export const vietnameseSyllables: ReadonlySet<string> = new Set(
  ONSETS.flatMap((onset) => RHYMES.map((rhyme) => onset + rhyme)).filter((s) => /^[a-z]+$/.test(s)),
);
