/**
 * ISO 639-1 two-letter codes with their ISO 639-2/T three-letter codes, as Debian's iso-codes lists them
 * (iso_639-2.json, LGPL-2.1-or-later): an MP4 track's language is a three-letter code (ISO/IEC 14496-12 `mdhd`),
 * while captions are tagged with BCP 47, whose language is the two-letter code where one exists.
 */
const PAIRS =
  'aaaar ababk aeave afafr akaka amamh anarg arara asasm avava ayaym azaze babak bebel bgbul bhbih bibis ' +
  'bmbam bnben bobod brbre bsbos cacat ceche chcha cocos crcre csces cuchu cvchv cycym dadan dedeu dvdiv ' +
  'dzdzo eeewe elell eneng eoepo esspa etest eueus fafas ffful fifin fjfij fofao frfra fyfry gagle gdgla ' +
  'glglg gngrn guguj gvglv hahau heheb hihin hohmo hrhrv hthat huhun hyhye hzher iaina idind ieile igibo ' +
  'iiiii ikipk ioido isisl itita iuiku jajpn jvjav kakat kgkon kikik kjkua kkkaz klkal kmkhm knkan kokor ' +
  'krkau kskas kukur kvkom kwcor kykir lalat lbltz lglug lilim lnlin lolao ltlit lulub lvlav mgmlg mhmah ' +
  'mimri mkmkd mlmal mnmon mrmar msmsa mtmlt mymya nanau nbnob ndnde nenep ngndo nlnld nnnno nonor nrnbl ' +
  'nvnav nynya ococi ojoji omorm orori ososs papan pipli plpol pspus ptpor quque rmroh rnrun roron rurus ' +
  'rwkin sasan scsrd sdsnd sesme sgsag sisin skslk slslv smsmo snsna sosom sqsqi srsrp ssssw stsot susun ' +
  'svswe swswa tatam tetel tgtgk ththa titir tktuk tltgl tntsn toton trtur tstso tttat twtwi tytah uguig ' +
  'ukukr ururd uzuzb veven vivie vovol wawln wowol xhxho yiyid yoyor zazha zhzho zuzul';

const THREE_LETTER: ReadonlyMap<string, string> = new Map(
  PAIRS.split(' ').map((pair) => [pair.slice(0, 2), pair.slice(2)] as const),
);

/**
 * The MP4 language code of a BCP 47 tag ("pt-BR" → "por", "fr" → "fra", "haw" → "haw"); "und" (undetermined) where
 * the tag's language has no code an MP4 can carry.
 */
export function mp4Language(tag: string): string {
  const language = tag.split('-')[0]?.toLowerCase() ?? '';
  if (/^[a-z]{3}$/.test(language)) return language;
  return THREE_LETTER.get(language) ?? 'und';
}
