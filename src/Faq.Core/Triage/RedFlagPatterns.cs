using System.Text.RegularExpressions;

namespace Faq.Core.Triage;

/// <summary>
/// The triage's vocabulary, matched against normalised text (lowercase, apostrophes dropped: "can't" → "cant", one
/// space between words and at each end). One alternative per line, so a clinician reviewing a category can read
/// what it catches; tests in tests/Faq.Core.Tests/Triage pin the wordings each one must and must not catch. Groups
/// do not capture (only the whole match is read), which halves the time of a match.
/// </summary>
internal static partial class RedFlagPatterns
{
    // Thoughts of suicide or self-harm, and overdoses (taken too many, a whole packet): always urgent, crisis line.
    [GeneratedRegex(
        @"\b("
        + @"suicid\w*"
        + @"|kill(ing)? my ?self"
        + @"|kill him ?self"
        + @"|kill her ?self"
        + @"|(want|wants|wanted) (someone |somebody |you )?to kill me"
        + @"|end(ing)? (my life|it all|my own life|it for good)"
        + @"|take my (own )?life"
        + @"|taking my (own )?life"
        + @"|(want|wanted|wanting) to die"
        + @"|wanna die"
        + @"|self ?harm\w*"
        + @"|(hurt|hurting|harm|harming|cut|cutting|burn|burning) my ?self"
        + @"|dont want to (live|be alive|be here|exist|wake up)"
        + @"|no reason to (live|go on)"
        + @"|(no one|noone|nobody) (would|will|is going to) (even )?(care|notice|miss me)"
        + @"|(no|dont see (any|the)|cant see (any|the)) (reason|point) (to|in) (keep going|keep living|going on|living|carry on|carrying on|being here|being alive)"
        + @"|(go to sleep|sleep|fall asleep) and (never|not) wake up"
        + @"|wish (i|id) (was|were|had|could be) (dead|died|not alive|not here|never born)"
        + @"|better off (dead|without me)"
        + @"|overdos\w*"
        + @"|(took|taken|swallowed|had|downed|necked) (all|too many|a (whole|full) (bottle|packet|box|pack|strip)|the (whole|full) (bottle|packet|box|pack|lot)|a (load|lot|bunch|handful) of|loads of|handfuls? of|\d\d+|twenty|thirty|fifty|a month s worth of) (of )?(my |the |his |her )?(\w+ )?(pills|tablets|meds|medication|medicine|paracetamol|painkillers|sleeping pills|sleeping tablets|capsules|antidepressants|insulin)"
        + @"|plan to (kill|end)"
        + @"|ways to (kill|end|die|do it|top)"
        + @"|(kill|end|top) my ?self"
        + @"|not want to be alive"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorSelfHarm();

    // Not breathing, unconscious or unresponsive, a seizure happening now: always urgent.
    [GeneratedRegex(
        @"\b("
        + @"(isnt|is not|wasnt|arent|not|stopped|stop) breathing"
        + @"|unconscious"
        + @"|unresponsive"
        + @"|(isnt|is not|wasnt|arent|not|wont|cant) (responding|responsive|respond)(?! to\b)"
        + @"|(isnt|is not|wasnt|arent|not|wont|cant) (wake|waking|wake up|come round|come around|coming round|coming around|come to)"
        + @"|(hasnt|havent|has not|not) (woken|come round|come around)"
        + @"|cant wake"
        + @"|wont wake"
        + @"|(having|is having|in|has) (a )?(seizure|fit|convulsion)s?"
        + @"|seizing"
        + @"|convulsing"
        + @"|fitting"
        + @"|out cold"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorCollapse();

    // Someone cannot breathe, or is choking: always urgent.
    [GeneratedRegex(
        @"\b("
        + @"(i|he|she|they|we|im|hes|shes|my \w+|cant|cannot|can not|couldnt|struggling to|unable to)\b.{0,12}\b(cant|cannot|can not|couldnt|unable to|not able to) (really |properly )?breath\w*"
        + @"|^ cant breath\w*"
        + @"|choking"
        + @")\b(?! through)", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorBreathing();

    // Coughing, spitting or vomiting blood: always urgent.
    [GeneratedRegex(
        @"\b("
        + @"(cough\w*|spit\w*|spat|hack\w*|vomit\w*|threw up|throw\w* up|puk\w*|brought up|bring\w* up) (up )?(some |bright red |dark |fresh |a lot of |lots of )?blood"
        + @"|blood\w* (in|when|after) (my |the |his |her )?(cough\w*|vomit\w*|sick|spit|phlegm|mucus|sputum)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorBloodCoughVomit();

    // Chest pain or a heart attack said to be happening: always urgent.
    [GeneratedRegex(
        @"\b("
        + @"(im|i am|he is|she is|hes|shes|is|are|were|having|got|have|has|getting) (\w+ )?(chest pains?|a heart attack)"
        + @"|heart attack (now|right now|happening)"
        + @"|(chest pains?|chest hurts) (right )?now"
        + @"|clutch\w* (at )?(his|her|my|their) chest"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorChestCardiac();

    // An explicit emergency: an emergency number, an ambulance, a stroke happening.
    [GeneratedRegex(
        @"\b("
        + @"(?<![0-9] )(911|999|112|000)(?! [0-9])" // a number on its own, not part of "1,000" or a phone number
        + @"|call(ed|ing)? (an |for an )?ambulance"
        + @"|need an ambulance"
        + @"|send an ambulance"
        + @"|(this is|its|im having|having) an emergency"
        + @"|medical emergency"
        + @"|having a stroke"
        + @"|(i think im|i think i am|im|i am|hes|he is|shes|she is|were|we are) dying(?! (to|for|of|every|each|when|whenever|inside|laughing)\b)"
        + @"|(im|hes|shes|i am|he is|she is|think im|think hes|think shes) (having )?(a )?stroke"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FloorEmergency();

    // Breathing difficulty, breathlessness, wheeze, a punctured lung (a known needling risk near the thorax).
    [GeneratedRegex(
        @"\b("
        + @"(cant|cannot|can not|couldnt|can barely|can hardly|barely|hardly|unable to|hard to|harder to|hard time|difficult\w*|difficulty|trouble|struggl\w*( to)?|problems?|pain when i|hurts? to|painful to|fight to)( (seem to|really|properly|get|take|catch|to))*( (a|my|his|her))?( (full|deep|proper|good|whole))? (breath\w*|breating|get (enough |any |some )?(air|oxygen))"
        + @"|breath\w* .{0,25}\b(hard|harder|difficult|painful|shallow|laboured|labored|fast|rapid|noisy|weird|strange|worse)"
        + @"|short(ness)? of breath"
        + @"|breathless\w*"
        + @"|out of breath"
        + @"|catch (my|his|her) (breath\w*)"
        + @"|gasp\w*"
        + @"|wheez\w*"
        + @"|suffocat\w*"
        + @"|(struggl\w*|fighting|gasping|desperate) for (air|breath\w*|oxygen)"
        + @"|out of puff"
        + @"|smother\w*"
        + @"|air hunger"
        + @"|(collapsed|collapse|punctured|puncture|popped|pierced|perforated|nicked)\b.{0,12}\blungs?"
        + @"|lungs?\b.{0,20}\b(collapsed|punctured|popped|pierced)"
        + @"|pneumothorax"
        + @"|chest (is |feels )?tight\w*"
        + @"|tight\w* (in|of|across) (my |the )?chest"
        + @"|(lips|face) .{0,10}(blue|grey|gray)"
        + @"|(blue|grey|gray) (around|round) (the |his |her |my )?(lips|mouth)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsBreathing();

    // Chest pain, pressure or tightness, pain into the arm or jaw; palpitations only with fainting, dizziness or chest symptoms.
    [GeneratedRegex(
        @"\b("
        + @"chest\b.{0,25}\b(pain|pains|hurts?|hurting|ache|aches|aching|pressure|discomfort|sore|burning|squeez\w*|heavy|heaviness|crush\w*|tight\w*|band|weight)"
        + @"|(pain|pains|hurts?|hurting|ache|aching|pressure|tightness|discomfort|heaviness|weight|band)\b.{0,20}\b(in|on|across|around|behind) (the (middle|centre|center) of )?(my |his |her |the )?(chest|breastbone|sternum)"
        + @"|crushing (pain|feeling)"
        + @"|(sitting|standing|pressing|pushing|crushing|squashing) on (my |his |her )?chest"
        + @"|(pain|ache|heavy|heaviness|tingl\w*)\b.{0,30}\b(left arm|down (my |his |her )?arm|into (my |his |her )?(jaw|arm)|jaw)"
        + @"|heart attack"
        + @"|angina"
        + @"|cardiac"
        + @"|(heart|pulse)\b.{0,25}\b(racing|pounding|fluttering|flutter|skipping|skipped|skips|irregular|all over the place|going crazy|thumping|banging|beating (really |so )?(fast|hard|weird|funny))\b.{0,60}\b(faint\w*|black\w* out|blacked|pass\w* out|dizzy|collaps\w*|lightheaded|light headed)"
        + @"|palpitat\w*.{0,60}\b(faint\w*|black\w* out|blacked|pass\w* out|dizzy|collaps\w*|lightheaded|light headed|chest)"
        + @"|(faint\w*|blacked out|pass\w* out|dizzy)\b.{0,60}\b(palpitat\w*|heart (racing|pounding|skipping|fluttering))"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsChestCardiac();

    // Swelling of throat, tongue, lips, face or eyes; hives or a rash all over; an allergic reaction.
    [GeneratedRegex(
        @"\b("
        + @"(throat|tongue|tounge|lips?|mouth|face|eyes?|eyelids?|neck)\b.{0,25}\b(swell\w*|swollen|swelled|puff\w*|closing|closed|tight\w*|huge|thick|massive|blow\w* up|ballooning)"
        + @"|(swell\w*|swollen|puff\w*)\b.{0,20}\b(throat|tongue|tounge|lips?|mouth|face|eyes?|eyelids?)"
        + @"|allergic reaction"
        + @"|anaphyla\w*"
        + @"|epi ?pen"
        + @"|hives"
        + @"|welts"
        + @"|itchy all over"
        + @"|(rash|itch\w*) (all over|everywhere)"
        + @"|cant swallow"
        + @"|hard to swallow"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsAnaphylaxis();

    // FAST signs: face drooping, arm weakness, speech; sudden vision loss; the worst or a thunderclap headache.
    [GeneratedRegex(
        @"\b("
        + @"(face|smile|mouth)\b.{0,25}\b(droop\w*|dropp\w*|dropped|lopsided|crooked|wonky|uneven|fallen|slack|numb\w*|twisted)"
        + @"|droop\w*"
        + @"|lopsided"
        + @"|slur\w*"
        + @"|(speech|words?|talk\w*|speak\w*|sentences?)\b.{0,25}\b(slur\w*|jumbl\w*|wrong|garbled|gibberish|muddled|mixed up|weird|funny|strange|not making sense|coming out)"
        + @"|cant (talk|speak|get (my |his |her )?words out|find (my |his |her )?words)"
        + @"|(arm|hand|side)\b.{0,25}\b(weak\w*|floppy|dead|limp|paraly\w*|wont move|cant move|cant lift)"
        + @"|numb\w* (down |on )?one side"
        + @"|one side\b.{0,20}\bnumb\w*"
        + @"|cant (lift|raise|move|feel) (my |his |her )?(right |left )?(arm|hand|face|side)"
        + @"|one side of (my |his |her )?(body|face)"
        + @"|(lost|losing|lose|no) (the )?(vision|sight|eyesight)"
        + @"|cant see (out of|from|with|in)"
        + @"|blind in"
        + @"|(vision|sight|eye)\b.{0,25}\b(went|gone|go|going) (black|dark|blurry|dim)"
        + @"|double vision"
        + @"|curtain (over|across|coming)"
        + @"|worst headache"
        + @"|(thunderclap|sudden\w* (severe|bad|terrible|excruciating|awful|blinding|splitting)) headache"
        + @"|headache\b.{0,40}\b(worst|sudden\w*|out of nowhere|out of the blue|like (a|being) (hit|kicked|struck))"
        + @"|stroke"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsStroke();

    // Bleeding that does not stop, soaks through, pours or keeps coming back.
    [GeneratedRegex(
        @"\b("
        + @"(bleed\w*|blood)\b.{0,40}\b(wont|will not|doesnt|does not|cant|cannot|isnt|is not|not|never|hasnt|havent) (stop\w*|slow\w*|clot\w*|ease\w*|let up)"
        + @"|(wont|cant|cannot|unable to|couldnt) (get (it|the bleeding) to )?stop (the |it )?bleed\w*"
        + @"|(wont|cant|cannot|unable to|couldnt) get (it|the bleeding|the blood) to stop"
        + @"|bleed\w* (heavily|a lot|badly|profusely|everywhere|through|loads|like mad|non ?stop|for (ages|hours?|\d+))"
        + @"|(heavy|heavily|bad|badly|severe|profuse|lots of|a lot of) (bleed\w*|blood loss)"
        + @"|(still|keeps?|kept|been) (on )?bleed\w*"
        + @"|blood (is |was )?(everywhere|all over)"
        + @"|(soaked|soaking|drenched|dripping) .{0,25}\b(blood|through)"
        + @"|(gushing|pouring|spurting|pumping|streaming|running|dripping|squirting) .{0,10}blood"
        + @"|blood .{0,15}(gushing|pouring|spurting|pumping|streaming|squirting|dripping)"
        + @"|(pressing|pressure|press) .{0,30}\b(doesnt|isnt|not|wont|hasnt) (stop\w*|help\w*|work\w*)"
        + @"|bleeding\b.{0,30}\b(coming back|back again|worse)"
        + @"|pool of blood"
        + @"|losing (a lot of |lots of )?blood"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsBleeding();

    // Blood (or coffee-ground or black matter) coughed up, spat or vomited.
    [GeneratedRegex(
        @"\b("
        + @"(cough\w*|spit\w*|spat|hack\w*|phlegm|mucus|sputum|vomit\w*|threw up|throw\w* up|puk\w*|sick|brought up|bringing up|bring up|retch\w*|spew\w*)\b.{0,40}\b(blood\w*|bright red|dark red|red in it|red stuff|coffee grounds?|black)"
        + @"|(blood\w*)\b.{0,30}\b(cough\w*|vomit\w*|sick|puke|puking|spit\w*|phlegm|mucus|sputum|tissue)"
        + @"|coffee grounds?"
        + @"|haemoptysis"
        + @"|hemoptysis"
        + @"|haematemesis"
        + @"|hematemesis"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsBloodCoughVomit();

    // Fever or chills with a red, hot, swollen or discharging site; spreading redness or red streaks; pus.
    [GeneratedRegex(
        @"\b("
        + @"(fever\w*|fevr\w*|feaver\w*|temperature|temp|chills|shiver\w*|shaking|sweats|burning up|hot and cold|rigors|\d\d (degrees?|c)|flu ?like|feel like i have (the )?flu)\b.{0,80}\b(red\w*|swollen|swelling|puff\w*|hot|warm|angry|pus|ooz\w*|weep\w*|leak\w*|discharge|infect\w*|abscess|boil|tender|throbbing|spot|site|needl\w*|session|treatment)"
        + @"|(red\w*|swollen|swelling|puff\w*|hot|warm|angry|pus|ooz\w*|weep\w*|leak\w*|discharge|infect\w*|abscess|tender|throbbing)\b.{0,80}\b(fever\w*|fevr\w*|feaver\w*|temperature|temp|chills|shiver\w*|sweats|burning up|rigors|\d\d (degrees?|c))"
        + @"|red (streak|line|lines|streaks)"
        + @"|(red\w*)\b.{0,40}\b(spread\w*|getting bigger|growing|moving up|creeping|tracking|travell?ing)"
        + @"|spreading\b.{0,20}\b(red|redness)\b"
        + @"|pus"
        + @"|(yellow|green|cloudy) (stuff|fluid|gunk|discharge|liquid|goo)"
        + @"|(leak\w*|ooz\w*|weep\w*)\b.{0,20}\b(yellow|green|fluid|pus)"
        + @"|(looks|is|got|getting|seems|gone|its|become) infected"
        + @"|sepsis"
        + @"|septic"
        + @"|cellulitis"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsInfection();

    // A swollen, hot or throbbing calf or leg, one leg bigger than the other, a named clot or DVT.
    [GeneratedRegex(
        @"\b("
        + @"blood clot"
        + @"|clot in"
        + @"|clots? (in|on) (my|his|her)"
        + @"|dvt"
        + @"|deep vein"
        + @"|thrombo\w*"
        + @"|embolism"
        + @"|(calf|calves|leg|legs|shin|thigh)\b.{0,40}\b(swollen|swelling|swelled|puff\w*|bigger|twice the size|fatter|hot|warm|throbbing|tender and (red|hot|swollen))"
        + @"|(swollen|swelling|puffy|throbbing)\b.{0,30}\b(calf|calves|leg|legs|thigh)"
        + @"|(bigger|larger|fatter) than the other"
        + @"|(right|left|one) (one|side)\b.{0,40}\b(more and more|getting|got|gone|is|went) (more )?(swollen|puffy|bigger|fatter)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsClot();

    // A limb or digits gone white, pale, blue, grey or mottled, or cold with numbness or pain.
    [GeneratedRegex(
        @"\b("
        + @"(foot|feet|toes?|hand|hands|fingers?|leg|legs|arm|limb|knee|ankle)\b.{0,40}\b(white|pale|blue|bluish|purple|grey|gray|mottled|dusky|no pulse|lost (its|their|the) colou?r|wont warm)"
        + @"|(white|pale|blue|bluish|purple|grey|gray|mottled|dusky)\b.{0,30}\b(foot|feet|toes?|hand|hands|fingers?|leg|legs|arm|limb)"
        + @"|(foot|feet|toes?|hand|hands|fingers?|leg|legs|arm|limb)\b.{0,40}\b(cold|freezing|icy|ice cold)\b.{0,40}\b(numb\w*|pain\w*|hurts?|hurting|agony|cant feel|white|pale|blue)"
        + @"|(cold|freezing|icy|ice cold)\b.{0,30}\b(foot|feet|toes?|hand|hands|fingers?|leg|legs|arm|limb)\b.{0,40}\b(numb\w*|pain\w*|hurts?|hurting|agony|cant feel)"
        + @"|no pulse"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsColdLimb();

    // Saddle numbness, loss of bladder or bowel control, sudden weakness or numbness of both legs.
    [GeneratedRegex(
        @"\b("
        + @"saddle (area|region|numb\w*|an\w*esthesia)"
        + @"|numb\w*\b.{0,30}\bsaddle"
        + @"|between (my|his|her|the) legs"
        + @"|private (parts|area|bits)"
        + @"|genital\w*"
        + @"|numb\w*\b.{0,30}\b(bum|bottom|butt|backside|groin|inner thighs?|privates|crotch|perineum|down below|down there)"
        + @"|(bum|bottom|butt|groin|crotch|backside)\b.{0,20}\bnumb\w*"
        + @"|cant feel (my |his |her )?(bum|bottom|butt|backside|groin|crotch|privates)"
        + @"|(lost|losing|lose|no|cant|cannot) (control|feeling)\b.{0,20}\b(bladder|bowel\w*|pee|wee|poo|urine|toilet)"
        + @"|(bladder|bowel\w*)\b.{0,20}\b(control|accident)"
        + @"|cant (pee|wee|urinate|pass urine|pass water|go to the toilet|control my (bladder|bowel\w*))"
        + @"|(wet|peed|pissed|pooed|pooped|pood|shat|shit|soiled|messed) (my ?self|him ?self|her ?self)"
        + @"|cant feel (when|if) (i|he|she) (pee|wee|poo|need|go)"
        + @"|soiled"
        + @"|incontinen\w*"
        + @"|(both|my|his|her) legs\b.{0,30}\b(weak\w*|numb\w*|gave way|give way|giving way|wont work|dead|paraly\w*|collapsed|jelly|cant move)"
        + @"|legs\b.{0,20}\b(stopped working|stopped moving|not working|gave out|giving out|buckled)"
        + @"|cant (move|feel|stand|walk)\b.{0,15}\blegs"
        + @"|sudden\w* cant (walk|stand|move)"
        + @"|cant (stand|walk) (up )?(at all|anymore)"
        + @"|paraly\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsNerve();

    // Fainting that does not resolve or comes with confusion, repeated fainting, a head injury with confusion, vomiting or drowsiness, a seizure.
    [GeneratedRegex(
        @"\b("
        + @"(faint\w*|passed out|pass\w* out|blacked out|black\w* out|(?<!lung )(?<!lungs )collapsed(?! lung)|keeled over)\b.{0,60}\b(confus\w*|disorient\w*|slurr\w*|cant think|dont know where|hit (my|his|her) head|wont|cant|not|still|hasnt|isnt|again|keeps?)"
        + @"|(keeps?|kept) (passing out|fainting|blacking out|collapsing)"
        + @"|(confus\w*|disorient\w*)\b.{0,60}\b(faint\w*|passed out|blacked out|collapsed)"
        + @"|(hit|hitting|bang\w*|bump\w*|whack\w*|knock\w*|smack\w*|fell on|fall on|struck)\b.{0,25}\bhead\b.{0,60}\b(confus\w*|vomit\w*|throw\w* up|threw up|sick|drowsy|sleepy|dizzy|cant remember|memory|passed out|knocked out|blacked out)"
        + @"|(head (injury|wound))"
        + @"|(passed out|fainted|collapsed|blacked out)\b.{0,40}\b(breathing (weird\w*|strange\w*|funny|noisy|oddly)|snoring|gone (grey|gray|blue))"
        + @"|(?<!lung )(?<!lungs )collapsed(?! lung)"
        + @"|(shaking|jerking) all over"
        + @"|not making sense"
        + @"|seizure\w*"
        + @"|convuls\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SignsCollapse();

    // Model-free layer only: any breathing word.
    [GeneratedRegex(
        @"\b("
        + @"breath\w*"
        + @"|breating"
        + @"|breth\w*"
        + @"|lungs?"
        + @"|air"
        + @"|wheez\w*"
        + @"|gasp\w*"
        + @"|chok\w*"
        + @"|oxygen"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsBreathing();

    // Model-free layer only: any chest or heart word.
    [GeneratedRegex(
        @"\b("
        + @"chest"
        + @"|heart"
        + @"|palpitat\w*"
        + @"|pulse"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsChestCardiac();

    // Model-free layer only: any allergy or swelling word.
    [GeneratedRegex(
        @"\b("
        + @"allerg\w*"
        + @"|swell\w*"
        + @"|swollen"
        + @"|puff\w*"
        + @"|rash"
        + @"|itch\w*"
        + @"|hives"
        + @"|welts"
        + @"|throat"
        + @"|tongue"
        + @"|lips?"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsAnaphylaxis();

    // Model-free layer only: any face, speech, vision, headache, numbness or weakness word.
    [GeneratedRegex(
        @"\b("
        + @"face"
        + @"|speech"
        + @"|speak\w*"
        + @"|talk\w*"
        + @"|words"
        + @"|slur\w*"
        + @"|vision"
        + @"|sight"
        + @"|see"
        + @"|eye"
        + @"|eyes"
        + @"|headache"
        + @"|numb\w*"
        + @"|weak\w*"
        + @"|confus\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsStroke();

    // Model-free layer only: any bleeding word.
    [GeneratedRegex(
        @"\b("
        + @"bleed\w*"
        + @"|blood\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsBleeding();

    // Model-free layer only: any coughing or vomiting word.
    [GeneratedRegex(
        @"\b("
        + @"cough\w*"
        + @"|vomit\w*"
        + @"|threw up"
        + @"|throw\w* up"
        + @"|puk\w*"
        + @"|sick"
        + @"|spit\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsBloodCoughVomit();

    // Model-free layer only: any fever or infection word.
    [GeneratedRegex(
        @"\b("
        + @"fever\w*"
        + @"|temperature"
        + @"|temp"
        + @"|chills"
        + @"|shiver\w*"
        + @"|sweat\w*"
        + @"|infect\w*"
        + @"|pus"
        + @"|ooz\w*"
        + @"|red\w*"
        + @"|hot"
        + @"|swollen"
        + @"|streak\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsInfection();

    // Model-free layer only: any leg or clot word.
    [GeneratedRegex(
        @"\b("
        + @"calf"
        + @"|calves"
        + @"|leg"
        + @"|legs"
        + @"|thigh"
        + @"|clot\w*"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsClot();

    // Model-free layer only: any cold or colour-change word.
    [GeneratedRegex(
        @"\b("
        + @"cold"
        + @"|freezing"
        + @"|icy"
        + @"|pale"
        + @"|white"
        + @"|blue"
        + @"|purple"
        + @"|grey"
        + @"|gray"
        + @"|mottled"
        + @"|dusky"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsColdLimb();

    // Model-free layer only: any numbness, weakness, bladder or bowel word.
    [GeneratedRegex(
        @"\b("
        + @"numb\w*"
        + @"|tingl\w*"
        + @"|weak\w*"
        + @"|bladder"
        + @"|bowel\w*"
        + @"|pee"
        + @"|wee"
        + @"|toilet"
        + @"|incontinen\w*"
        + @"|legs"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsNerve();

    // Model-free layer only: any fainting, dizziness, head or fit word.
    [GeneratedRegex(
        @"\b("
        + @"faint\w*"
        + @"|pass\w* out"
        + @"|passed out"
        + @"|black\w* out"
        + @"|dizzy"
        + @"|collaps\w*"
        + @"|head"
        + @"|fit"
        + @"|shaking"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex WordsCollapse();

    // Phrases with a symptom word that name no symptom ("blood thinners", "blood test"), removed before reading signs.
    [GeneratedRegex(
        @"\b("
        + @"blood (thinners?|tests?|taken|pressure|sugars?|work|donation|type|vessels?|supply|flow|circulation)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex NonSymptoms();

    // Someone reporting a state ("my foot is", "he keeps", "it went"), or now, since, suddenly.
    [GeneratedRegex(
        @"\b("
        + @"i"
        + @"|im"
        + @"|ive"
        + @"|i am"
        + @"|my"
        + @"|me"
        + @"|he"
        + @"|she"
        + @"|hes"
        + @"|shes"
        + @"|his"
        + @"|her"
        + @"|they"
        + @"|were"
        + @"|we"
        + @"|our"
        + @"|it"
        + @"|its"
        + @"|theres"
        + @"|there is"
        + @")\b.{0,40}\b(is|are|am|has|have|having|got|getting|keeps?|kept|wont|cant|cannot|just|started|starting|suddenly|sudden|now|still|feel|feels|feeling|went|gone|turned|turning|looks|been|since)\b|\b(right now|just now|suddenly|all of a sudden|out of nowhere|since|now)\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex SomethingHappening();

    // Asking about risks in general or hypothetically: "can dry needling cause…", "what are the signs of…", "what if I…".
    [GeneratedRegex(
        @"\b("
        + @"(can|could|does|do|will|would|might|may) (dry needling|needling|dn|the needles?|needles|it|acupuncture|treatment|this|that|you|someone|somebody|people|a person|patients?) .{0,40}\b(cause|causes|give|make|lead|trigger|happen|get|have|catch|hit|puncture|collapse|result)"
        + @"|ever (cause|causes|happen|make|give|lead|result)"
        + @"|if (i|you|we) ever"
        + @"|is it possible"
        + @"|is there (a |any )?(risk|chance)"
        + @"|what are the (chances|odds|risks)"
        + @"|(what|which) (are )?(the )?(signs|symptoms|warning signs|red flags)"
        + @"|(signs|symptoms) (should i|to) (look|watch)"
        + @"|(look|watch) out for"
        + @"|risk of"
        + @"|is (\w+ ){1,2}a (risk|side effect|possibility|known risk|complication)"
        + @"|(risk|side effect|complication)s? (of|with|from) (dry needling|needling|dn|it|the needles|needles|acupuncture|treatment)"
        + @"|risks of"
        + @"|chance of"
        + @"|how (common|likely|often|rare|rarely|do i know|would i know|can i tell|do i tell)"
        + @"|what (happens|would happen|should i do|do i do|do you do|would you do) (if|when)"
        + @"|hypothetic\w*"
        + @"|if (i|you|someone|somebody|a patient|he|she) (felt|got|get|had|have|were|was|started|start|ever|did)"
        + @"|in general"
        + @"|generally"
        + @"|is it (common|usual|likely|rare|safe|possible|hard|difficult|painful) (to|for)"
        + @"|how do (you|i) (tell|know)"
        + @"|what do i do if"
        + @"|when should i (worry|call|see)"
        + @"|should i worry if"
        + @"|tell .{0,20} apart"
        + @"|(can|could|might|will|would) (i|you|we|one) (get|catch|develop|end up with)"
        + @"|dont want (my|it|to|the)"
        + @"|(can|could|does|do|will|would|might|may) (you|u|i|people|someone|a person|one|anyone) (\w+ ){0,2}(from|after|during|with) (dry needling|needling|dn|the needles?|needles|acupuncture|treatment|it|this|a session)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex AskingInGeneral();

    // The past: years ago, back in 2015, as a teenager, a history of, fully recovered, well controlled.
    [GeneratedRegex(
        @"\b("
        + @"(\d+|a|one|two|three|four|five|six|ten|few|a few|many|several|some|a couple of|couple of) (years?|yrs|months?|decades?) ago"
        + @"|back in (19|20)\d\d"
        + @"|in (19|20)\d\d"
        + @"|as a (kid|child|teen\w*|baby|boy|girl)"
        + @"|when i was (young|little|younger|a (kid|child|teen\w*))"
        + @"|last year"
        + @"|history of"
        + @"|used to (have|get|suffer)"
        + @"|in the past"
        + @"|fully recovered"
        + @"|recovered"
        + @"|well controlled"
        + @"|under control"
        + @"|all better"
        + @"|fully better"
        + @"|previous"
        + @"|previously"
        + @"|a while (back|ago)"
        + @"|(had|got|suffered|reacted|was)\b.{0,40}\bonce\b(?! (i|you|he|she|we|it|the|my|again|more)\b)"
        + @"|had (a |an )?(\w+ ){0,2}(years|ages|long time)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex History();

    // Asking whether treatment is possible or would help: "can I still have…", "would needling help…".
    [GeneratedRegex(
        @"\b("
        + @"can (i|he|she|they|we|my \w+) (still )?(have|get|do|be|start|book|come|go ahead|try)"
        + @"|is (it|needling|dn|dry needling|that|this|the treatment) (still )?(ok|okay|safe|fine|allowed|a problem|off the table)"
        + @"|(still )?(ok|okay|safe|fine) (for me|for him|for her|to (have|get|do|be|needle))"
        + @"|does (that|this) (matter|rule|mean i cant)"
        + @"|rule (me|him|her|them) out"
        + @"|off the table"
        + @"|am i (ok|okay|safe|allowed|able) to"
        + @"|can (you|u) (needle|treat|do)"
        + @"|do you (needle|treat)"
        + @"|(would|will|could|can|does|do) (dry needling|needling|dn|it|acupuncture|needles|this|you|that) (help|fix|work|treat|sort)"
        + @"|should i (still )?(come|go|cancel|have|get)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex AskingAboutTreatment();

    // Long-standing or situational: always, every winter, when I'm anxious, from bench pressing, for months.
    [GeneratedRegex(
        @"\b("
        + @"always"
        + @"|every (winter|morning|day|night)"
        + @"|in (the )?winter"
        + @"|whenever"
        + @"|when (im|i am|i get) (anxious|stressed|nervous|cold|tired)"
        + @"|from (bench|lifting|running|the gym|training|exercise|working out|sitting|standing)"
        + @"|for (months|years|weeks)"
        + @"|(going|walking|climbing) up (the )?(stairs|hills?)"
        + @"|when i (run|exercise|walk fast|walk far|climb)"
        + @"|in the cold"
        + @"|when (its|it is|im|i get|i am) cold"
        + @"|raynaud\w*"
        + @"|since (covid|i was|childhood|birth)"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex LongStanding();

    // Symptoms expected after needling: soreness, aching, stiffness, tiredness, bruising, twitching, cramp, and the
    // brief dizziness or light-headedness the curated side effects describe (fainting, blacking out and dizziness with
    // a sign of another category are read by the signs, which this never mutes).
    [GeneratedRegex(
        @"\b("
        + @"dizzy"
        + @"|dizziness"
        + @"|light ?headed\w*"
        + @"|woozy"
        + @"|achy"
        + @"|ache"
        + @"|aches"
        + @"|aching"
        + @"|sore"
        + @"|soreness"
        + @"|stiff\w*"
        + @"|tired"
        + @"|wiped out"
        + @"|exhausted"
        + @"|bruis\w*"
        + @"|twitch\w*"
        + @"|cramp\w*"
        + @"|tender"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex MildSymptom();

    // Mildness and resolution: a bit, slight, a drop of, fine now, went away, stopped, no swelling.
    [GeneratedRegex(
        @"\b("
        + @"no swelling"
        + @"|no redness"
        + @"|nothing (else|serious)"
        + @"|a bit"
        + @"|a little"
        + @"|bit of"
        + @"|little bit"
        + @"|slight\w*"
        + @"|small"
        + @"|tiny"
        + @"|mild\w*"
        + @"|minor"
        + @"|drop of"
        + @"|few drops"
        + @"|spot of"
        + @"|dot of"
        + @"|for a (sec|second|minute|moment|bit|few)"
        + @"|fine now"
        + @"|ok now"
        + @"|okay now"
        + @"|better now"
        + @"|went away"
        + @"|gone now"
        + @"|stopped (after|when|by|on its own)"
        + @"|has stopped"
        + @"|eased"
        + @"|settled"
        + @"|doesnt really"
        + @"|not (too |that )?bad"
        + @"|nothing major"
        + @"|no swelling"
        + @"|now healing"
        + @"|healing"
        + @"|normal soreness"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex Mildness();

    // Happening now: right now, currently, and now I…, since this morning, getting worse, keeps …ing.
    [GeneratedRegex(
        @"\b("
        + @"right now"
        + @"|rn"
        + @"|at the moment"
        + @"|currently"
        + @"|just now"
        + @"|(and|but|now) now"
        + @"|(and|but|now|so) now (im|i|my|it|its|hes|shes|he|she|theres|there is|the|his|her|both|one)"
        + @"|happening"
        + @"|this (morning|afternoon|evening)"
        + @"|tonight"
        + @"|since (this|last|yesterday|the|my|then|lunch|\d)"
        + @"|getting worse"
        + @"|getting (harder|bigger|redder|hotter)"
        + @"|keeps? getting"
        + @"|(i|he|she|it|they) keeps? (on )?\w+ing"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex HappeningNow();

    // A sign denied ("no swelling", "without a fever"), removed before reading signs.
    [GeneratedRegex(
        @"\b("
        + @"no"
        + @"|without"
        + @") (\w+ ){0,1}(swelling|swollen|redness|red|heat|hot|warm|fever|temperature|pain|bleeding|blood|numbness|numb|bruising|rash)\b( or (\w+ )?(anything|swelling|redness|heat|fever|pain))?", RegexOptions.ExplicitCapture)]
    internal static partial Regex Negated();

    // Severity that mildness words never soften: can't, won't stop, spreading, worse, sudden, numb, white, blue, pus, fever, still.
    [GeneratedRegex(
        @"\b("
        + @"cant"
        + @"|cannot"
        + @"|wont stop"
        + @"|heavily"
        + @"|spreading"
        + @"|worse"
        + @"|more and more"
        + @"|severe"
        + @"|really bad"
        + @"|everywhere"
        + @"|pouring"
        + @"|unbearable"
        + @"|excruciating"
        + @"|sudden\w*"
        + @"|numb"
        + @"|white"
        + @"|blue"
        + @"|pus"
        + @"|fever\w*"
        + @"|chills"
        + @"|temperature"
        + @"|still"
        + @"|keeps?"
        + @"|hasnt"
        + @"|isnt"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex Severity();

    // Figures of speech removed before reading signs ("dying to", "killing me", "heartbroken"); alone, they mute similarity.
    [GeneratedRegex(
        @"\b("
        + @"black and blue"
        + @"|(a )?bit of a (long one|story|ramble|saga|essay)"
        + @"|heart (is |was )?broken"
        + @"|broken heart\w*"
        + @"|heartbroken"
        + @"|heart (sank|sinks|melted)"
        + @"|could kill for"
        + @"|(id|i would|i d) rather die"
        + @"|dying (to|for)"
        + @"|killing me"
        + @"|kill for a"
        + @"|to die for"
        + @"|bored to death"
        + @"|scared to death"
        + @"|death of me"
        + @"|dying of (laughter|boredom)"
        + @"|nearly died laughing"
        + @")\b", RegexOptions.ExplicitCapture)]
    internal static partial Regex FiguresOfSpeech();
}
