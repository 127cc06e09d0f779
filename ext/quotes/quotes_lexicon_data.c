/* Reporting cues and word classes of the quotes extractor, as data. */
#include "quotes_lexicon.h"

/* Verbs and phrases that introduce reported words. CUE_SAY verbs can be
** inverted after a quotation ("…,” said Ms. Lee); CUE_STANCE ones characterize
** words ("called it “…”") and take their subject on the left only. */
const qx_cue qx_cues[] = {
  {"say says said saying", "", CUE_SAY, 0},
  {"tell tells told telling", "", CUE_SAY, 0},
  {"add adds added adding", "", CUE_SAY, 0},
  {"write writes wrote writing written", "", CUE_SAY, 0},
  {"ask asks asked asking", "", CUE_SAY, 0},
  {"tweet tweets tweeted tweeting", "", CUE_SAY, 0},
  {"post posts posted posting", "", CUE_SAY, 0},
  {"continue continues continued continuing", "", CUE_SAY, 0},
  {"note notes noted noting", "", CUE_SAY, 0},
  {"explain explains explained explaining", "", CUE_SAY, 0},
  {"state states stated stating", "", CUE_SAY, 0},
  {"declare declares declared declaring", "", CUE_SAY, 0},
  {"conclude concludes concluded concluding", "", CUE_SAY, 0},
  {"recall recalls recalled recalling", "", CUE_SAY, 0},
  {"respond responds responded responding", "", CUE_SAY, 0},
  {"reply replies replied replying", "", CUE_SAY, 0},
  {"answer answers answered answering", "", CUE_SAY, 0},
  {"argue argues argued arguing", "", CUE_SAY, 0},
  {"insist insists insisted insisting", "", CUE_SAY, 0},
  {"warn warns warned warning", "", CUE_SAY, 0},
  {"announce announces announced announcing", "", CUE_SAY, 0},
  {"admit admits admitted admitting", "", CUE_SAY, 0},
  {"acknowledge acknowledges acknowledged acknowledging", "", CUE_SAY, 0},
  {"concede concedes conceded conceding", "", CUE_SAY, 0},
  {"promise promises promised promising", "", CUE_SAY, 0},
  {"pledge pledges pledged pledging", "", CUE_SAY, 0},
  {"vow vows vowed vowing", "", CUE_SAY, 0},
  {"suggest suggests suggested suggesting", "", CUE_SAY, 0},
  {"claim claims claimed claiming", "", CUE_SAY, 0},
  {"complain complains complained complaining", "", CUE_SAY, 0},
  {"comment comments commented commenting", "", CUE_SAY, 0},
  {"observe observes observed observing", "", CUE_SAY, 0},
  {"remark remarks remarked remarking", "", CUE_SAY, 0},
  {"joke jokes joked joking", "", CUE_SAY, 0},
  {"quip quips quipped quipping", "", CUE_SAY, 0},
  {"boast boasts boasted boasting", "", CUE_SAY, 0},
  {"brag brags bragged bragging", "", CUE_SAY, 0},
  {"shout shouts shouted shouting", "", CUE_SAY, 0},
  {"yell yells yelled yelling", "", CUE_SAY, 0},
  {"scream screams screamed screaming", "", CUE_SAY, 0},
  {"chant chants chanted chanting", "", CUE_SAY, 0},
  {"exclaim exclaims exclaimed exclaiming", "", CUE_SAY, 0},
  {"whisper whispers whispered whispering", "", CUE_SAY, 0},
  {"mutter mutters muttered muttering", "", CUE_SAY, 0},
  {"muse muses mused musing", "", CUE_SAY, 0},
  {"wonder wonders wondered wondering", "", CUE_SAY, 0},
  {"report reports reported reporting", "", CUE_SAY, 0},
  {"testify testifies testified testifying", "", CUE_SAY, 0},
  {"predict predicts predicted predicting", "", CUE_SAY, 0},
  {"emphasize emphasizes emphasized emphasizing emphasise emphasised", "", CUE_SAY, 0},
  {"stress stresses stressed stressing", "", CUE_SAY, 0},
  {"point points pointed pointing", "out", CUE_SAY, 1},
  {"contend contends contended contending", "", CUE_SAY, 0},
  {"maintain maintains maintained maintaining", "", CUE_SAY, 0},
  {"assert asserts asserted asserting", "", CUE_SAY, 0},
  {"urge urges urged urging", "", CUE_SAY, 0},
  {"proclaim proclaims proclaimed proclaiming", "", CUE_SAY, 0},
  {"confirm confirms confirmed confirming", "", CUE_SAY, 0},
  {"deny denies denied denying", "", CUE_SAY, 0},
  {"caution cautions cautioned cautioning", "", CUE_SAY, 0},
  {"recount recounts recounted recounting", "", CUE_SAY, 0},
  {"read reads", "", CUE_SAY, 0},
  {"begin begins began", "", CUE_SAY, 0},
  {"charge charges charged", "", CUE_SAY, 0},
  {"counter counters countered countering", "", CUE_SAY, 0},
  {"retort retorts retorted retorting", "", CUE_SAY, 0},
  {"demand demands demanded demanding", "", CUE_SAY, 0},
  {"agree agrees agreed agreeing", "", CUE_SAY, 0},
  {"elaborate elaborates elaborated elaborating", "", CUE_SAY, 0},
  {"summarize summarizes summarized summarizing", "", CUE_SAY, 0},
  {"finish finishes finished", "", CUE_SAY, 0},
  {"interject interjects interjected", "", CUE_SAY, 0},
  {"interrupt interrupts interrupted", "", CUE_SAY, 0},
  {"cry cries cried", "", CUE_SAY, 0},
  {"sing sings sang", "", CUE_SAY, 0},
  {"preach preaches preached", "", CUE_SAY, 0},
  {"reiterate reiterates reiterated reiterating", "", CUE_SAY, 0},
  {"reaffirm reaffirms reaffirmed reaffirming", "", CUE_SAY, 0},
  {"express expresses expressed expressing", "", CUE_SAY, 0},
  {"go goes went", "on", CUE_SAY, 1},
  {"speak speaks spoke speaking", "", CUE_SAY, 0},
  {"call calls called calling", "on for out upon", CUE_STANCE, 0},
  {"describe describes described describing", "", CUE_STANCE, 0},
  {"refer refers referred referring", "to", CUE_STANCE, 0},
  {"criticize criticizes criticized criticizing criticise criticised", "", CUE_STANCE, 0},
  {"hail hails hailed hailing", "", CUE_STANCE, 0},
  {"praise praises praised praising", "", CUE_STANCE, 0},
  {"condemn condemns condemned condemning", "", CUE_STANCE, 0},
  {"slam slams slammed slamming", "", CUE_STANCE, 0},
  {"blast blasts blasted blasting", "", CUE_STANCE, 0},
  {"dub dubs dubbed dubbing", "", CUE_STANCE, 0},
  {"label labels labeled labelled labeling", "", CUE_STANCE, 0},
  {"brand brands branded branding", "", CUE_STANCE, 0},
  {"term terms termed terming", "", CUE_STANCE, 0},
  {"accuse accuses accused accusing", "", CUE_STANCE, 0},
  {"threaten threatens threatened threatening", "", CUE_STANCE, 0},
  {"reject rejects rejected rejecting", "", CUE_STANCE, 0},
  {"welcome welcomes welcomed welcoming", "", CUE_STANCE, 0},
  {"characterize characterizes characterized characterizing", "", CUE_STANCE, 0},
  {"decry decries decried decrying", "", CUE_STANCE, 0},
  {"denounce denounces denounced denouncing", "", CUE_STANCE, 0},
  {"dismiss dismisses dismissed dismissing", "", CUE_STANCE, 0},
  {"mock mocks mocked mocking", "", CUE_STANCE, 0},
  {"lament laments lamented lamenting", "", CUE_STANCE, 0},
  {"cite cites cited citing", "", CUE_STANCE, 0},
  {"put puts", "it", CUE_SAY, 1},
  {"laud lauds lauded lauding", "", CUE_STANCE, 0},
  {"attack attacks attacked attacking", "", CUE_STANCE, 0},
  {"liken likens likened likening", "", CUE_STANCE, 0},
  {"exhort exhorts exhorted exhorting", "", CUE_SAY, 0},
  {"according", "to", CUE_SOURCE, 1},
  {"quote quotes quoted quoting", "", CUE_QUOTED, 0},
};
const size_t qx_cues_count = sizeof qx_cues / sizeof qx_cues[0];

const qx_word qx_words[] = {
  {"he him", QW_PRONOUN | QW_MALE},
  {"she", QW_PRONOUN | QW_FEMALE},
  {"they we", QW_PRONOUN | QW_PLURAL},
  {"i you it", QW_PRONOUN},
  {"the a an this these those", QW_DET},
  {"his her their its our my your", QW_DET},
  {"also later then has have had would will did does do once previously recently again reportedly "
   "repeatedly further simply just never often not was is were are been be earlier famously bluntly "
   "angrily flatly publicly privately quickly only even still already subsequently ultimately "
   "frequently openly sharply", QW_SKIP},
  {"that which who whom whose when where while because but or if as after before since than to in on "
   "by with about into over during without under against between through among across upon what how "
   "why so yet nor not no there here is are was were be been being has have had do does did will would "
   "can could should may might must also said says say told tells asked says", QW_STOP},
  {"of for from at", QW_LINK},
  {"president sen. senator rep. representative gov. governor secretary minister chancellor premier "
   "prime king queen pope gen. general col. colonel lt. adm. admiral judge justice chairman chairwoman "
   "chair ceo director ambassador mayor speaker leader professor prof. spokesman spokeswoman "
   "spokesperson candidate nominee attorney sheriff chief commissioner lawmaker congressman "
   "congresswoman sgt. capt. captain former vice deputy", QW_TITLE},
  {"mr. mrs. ms. miss dr. sir dame mr mrs ms dr", QW_HONORIFIC},
  {"statement readout report release communique communiqué tweet post letter document memo transcript "
   "filing lawsuit complaint ad advertisement editorial article column email message video blog op-ed "
   "website note study survey poll analysis declaration text announcement summary account notice "
   "broadcast resolution", QW_DOC},
  {"de van von der da bin al al- ibn la le du dos del", QW_NAME_PARTICLE},
  {"the a an but and or so yet in on at as if when while after before since this that these those it "
   "he she they we i you his her their our my its there here what why how who whom where which then "
   "still also however meanwhile asked speaking according following perhaps once indeed instead earlier later "
   "today yesterday tonight now recently one two three four five six seven eight nine ten", QW_NOT_NAME},
  {"who which that", QW_RELATIVE},
  {"and", QW_GROUP},
  {"titled entitled named book show program programme film movie song album series episode anthem "
   "slogan motto ad spot", QW_TITLED},
  {"leaders presidents heads men women ministers officials", QW_PEOPLE},
  {"countries nations sides states governments capitals powers neighbors neighbours", QW_PLACES},
  {"that and but because when while as after before if since though although so where then once until "
   "whether", QW_OPENER},
  {"monday tuesday wednesday thursday friday saturday sunday january february march april june july "
   "august september october november december though although despite conversely meaning however "
   "meanwhile moreover furthermore nevertheless nonetheless instead therefore thus hence because "
   "unless whereas", QW_NOT_SPEAKER},
  {"when after as because while if although though since before once until whereas in on at during with "
   "without despite amid", QW_INTRO},
  {"leader chief head official", QW_GENERIC_HEAD},
};
const size_t qx_words_count = sizeof qx_words / sizeof qx_words[0];
