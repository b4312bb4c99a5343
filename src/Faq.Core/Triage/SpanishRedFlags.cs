using System.Text.RegularExpressions;
using Faq.Core.Analysis;

namespace Faq.Core.Triage;

/// <summary>
/// Red flags in Spanish, read the way the English triage reads them (README, "Urgent triage"): unmistakable patterns
/// decide alone; each category's signs are urgent unless the message asks in general ("¿la punción puede perforar un
/// pulmón?", "¿qué hago si me da fiebre?"), tells history ("tuve un infarto hace años") or a long-standing state
/// ("siempre tengo los pies fríos en invierno"), or softens a mild form ("sangré un poquito y paró"), and none of these
/// mutes a message that says it is happening now ("ahora", "de repente", "cada vez más"). Denials ("no está hinchada")
/// and figures of speech ("esta fascitis me está matando", "me muero de ganas") are blanked out first. Text is folded
/// (lowercase, no accents), so "respiración" and "respiracion" read the same. Needs no model.
/// </summary>
internal static partial class SpanishRedFlags
{
    private static readonly (UrgentCategory Category, Regex Pattern)[] Unmistakable =
    [
        (UrgentCategory.SelfHarm, SelfHarm()),
        (UrgentCategory.Collapse, CollapseNow()),
        (UrgentCategory.Breathing, BreathingNow()),
        (UrgentCategory.BloodCoughVomit, BloodCoughVomit()),
        (UrgentCategory.Emergency, Emergency()),
    ];

    private static readonly (UrgentCategory Category, Regex Pattern)[] Signs =
    [
        (UrgentCategory.Anaphylaxis, Anaphylaxis()),
        (UrgentCategory.Stroke, Stroke()),
        (UrgentCategory.Nerve, Nerve()),
        (UrgentCategory.Infection, Infection()),
        (UrgentCategory.Clot, Clot()),
        (UrgentCategory.ColdLimb, ColdLimb()),
        (UrgentCategory.Collapse, Collapse()),
        (UrgentCategory.ChestCardiac, ChestCardiac()),
        (UrgentCategory.Breathing, Breathing()),
        (UrgentCategory.Bleeding, Bleeding()),
    ];

    /// <summary>The Spanish red flag a message raises, or null when it raises none.</summary>
    public static TriageResult? Assess(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Languages.LanguageDetector.Detect(message) == Languages.FaqLanguages.English)
        {
            return null; // the English layers read English ("pus" is a word of both)
        }

        var text = " " + Blank(TextAnalyzer.WordingKey(message)) + " ";
        foreach (var (category, pattern) in Unmistakable)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return new TriageResult(category, $"\"{match.Value.Trim()}\"", TriageBasis.Pattern);
            }
        }

        var now = Now().IsMatch(text);
        var muted = !now && (General().IsMatch(text) || History().IsMatch(text) || LongStanding().IsMatch(text));
        foreach (var (category, pattern) in Signs)
        {
            if (pattern.Match(text) is not { Success: true } match)
            {
                continue;
            }

            var mild = category is UrgentCategory.Bleeding or UrgentCategory.Collapse or UrgentCategory.ChestCardiac
                && !now && Mild().IsMatch(text) && !Severe().IsMatch(text);
            if (!muted && !mild)
            {
                return new TriageResult(category, $"\"{match.Value.Trim()}\"", TriageBasis.Signs);
            }
        }

        return null;
    }

    private static string Blank(string text) => FigureOrDenial().Replace(text, " ");

    // Figures of speech and denied signs: never a red flag.
    [GeneratedRegex(@"\b(me muero de (ganas|risa|hambre|sueno|frio|calor)|(me|nos) (esta|estan) matando|me mata(n)?\b|no (esta|estan|tengo|hay|se ve|se ven) (nada )?(hinchad\w*|roj\w*|calient\w*|morad\w*)( ni (nada|\w+))?|sin fiebre|no tengo fiebre|me muero de (miedo|nervios|pena|verguenza))", RegexOptions.ExplicitCapture)]
    private static partial Regex FigureOrDenial();

    [GeneratedRegex(@"\b(suicid\w*|quitar(me|se|le|te) la vida|ya no quiero (vivir|seguir)|no quiero (vivir|seguir viviendo)|(me|se|te) quiere(s|n)? matar|quiero matarme|matar(me|se)\b|hacer(me|se|te) dano|lastimar(me|se)|cortar(me|se) (las venas|los brazos)|me (tome|trague) (todas|toda|un frasco|una caja|muchas|demasiadas)|sobredosis|mejor (estar|estaria) muert\w*|no vale la pena vivir|(me|nos) quiero morir|quiero morir(me)?\b|ganas de morir(me)?|(ganas de|voy a|quiero) (cortarme|lastimarme|hacerme dano)|no (le )?(veo|encuentro|tiene) sentido (a )?(seguir )?(vivir|viviendo|la vida)|nadie me (extranaria|extranara|va a extranar)|para no despertar|no quiero despertar|acabar con (todo|mi vida))", RegexOptions.ExplicitCapture)]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(inconsciente|no (responde|reacciona|despierta|se despierta)|esta convulsionando|(me|se) desmay\w* (\w+ ){0,8}(confundid\w*|vomit\w*|no (me )?acuerdo))", RegexOptions.ExplicitCapture)]
    private static partial Regex CollapseNow();

    [GeneratedRegex(@"\b(no (puedo|puede|podia|pueden) respirar|no me entra (el )?aire|(me|le|nos) falta (el )?aire|me (estoy )?ahog(o|ando)|se (esta )?ahog(a|ando)|(cuesta|cuestan|costando) (mucho )?respirar|dificultad (para|al) respirar|no (alcanza|alcanzo|puede|puedo) (a )?terminar (una|las) frase\w*|respir\w* (muy )?(rapid\w*|agitad\w*) (\w+ ){0,3}no (alcanza|puede)|respir\w* con (mucha )?dificultad (\w+ ){0,4}(peor|mas)|jadeando|labios (\w+ ){0,2}(morad\w*|azul\w*)|(morad\w*|azul\w*) (\w+ ){0,2}labios)", RegexOptions.ExplicitCapture)]
    private static partial Regex BreathingNow();

    [GeneratedRegex(@"\b((vomit\w*|tos\w*|escup\w*|arroj\w*) (\w+ ){0,2}sangre|sangre en (la|el) (flema|vomito|gargajo)|flema con sangre|(vomit\w*|arroj\w*) (\w+ ){0,3}(cafe molido|negro)|cafe molido)", RegexOptions.ExplicitCapture)]
    private static partial Regex BloodCoughVomit();

    [GeneratedRegex(@"\b(ambulancia|llam(e|en|o|ar|ando) al 911|es una emergencia|tengo una emergencia)", RegexOptions.ExplicitCapture)]
    private static partial Regex Emergency();

    [GeneratedRegex(@"\b((se me|se le|me|le) (esta )?(cerrando|cierra|cerro) la garganta|hinch\w* (\w+ ){0,2}(los |las |la |el )?(labios|lengua|cara|garganta|ojos|boca|parpados)|(labios|lengua|cara|garganta|ojos|boca|parpados) (\w+ ){0,3}hinchad\w*|ronchas (en|por) todo el cuerpo|(me|le) cuesta tragar|no (puedo|puede) tragar|reaccion alergica|(le|me) silba el pecho)", RegexOptions.ExplicitCapture)]
    private static partial Regex Anaphylaxis();

    [GeneratedRegex(@"\b(mitad de la cara|(cara|boca) (chueca|caida|torcida|de lado)|se (me|le) cayo (un|el) lado|no (puedo|puede) (hablar|sonreir) (bien|claro)|no habla (bien|claro)|arrastra las palabras|no (veo|ve) (nada )?(de|con|por) un ojo|perdi la vista|peor dolor de cabeza|dolor de cabeza (\w+ ){0,5}de golpe|derrame (cerebral)?|embolia|no (me|le) salen las palabras|(brazo|pierna|mano) (\w+ ){0,2}(debil|sin fuerza|no (lo |la )?(puedo|puede) mover)|(debil\w*|adormecid\w*|entumid\w*|dormid\w*) (\w+ ){0,3}(un|todo el|el) lado|dolor de cabeza (\w+ ){0,2}(explosivo|insoportable|el peor)|no (puedo|puede) mover (el|la|un|todo el) (brazo|pierna|mano|lado)|(hablo|habla) (raro|chistoso|enredado|trabado)|arrastro las palabras)", RegexOptions.ExplicitCapture)]
    private static partial Regex Stroke();

    [GeneratedRegex(@"\b(no (siento|siente) nada (en|entre) (las nalgas|el trasero|las piernas|la entrepierna|mis partes)|no (controlo|controla|aguanto) (la orina|el pipi|las heces|el popo|los esfinteres)|(se me|se le) (aflojaron|durmieron|estan durmiendo|doblaron) las (dos )?piernas|las piernas no (le|me) responden|no (me|se) (puedo|puede) (parar|levantar) (\w+ ){0,3}piernas|perd\w* (la )?fuerza (en|de) (las|ambas|mis) (dos )?piernas|no (siento|siente) (la entrepierna|mis partes|el trasero|las nalgas)|me (hice|orine|hago) (del bano|pipi|popo|encima) sin (darme cuenta|querer|sentir)|no (puedo|puede) (aguantar|controlar|retener) (la orina|el pipi|las heces|el popo)|(las dos|ambas) piernas (\w+ ){0,2}(debiles|sin fuerza|dormidas|entumidas))", RegexOptions.ExplicitCapture)]
    private static partial Regex Nerve();

    [GeneratedRegex(@"\b((fiebre|calentura|escalofrio\w*|temperatura alta)( \w+){0,12} (roj\w*|hinchad\w*|calient\w*|pus|supura\w*)|(roj\w*|hinchad\w*|calient\w*|pus|supura\w*)( \w+){0,12} (fiebre|calentura|escalofrio\w*)|pus|supura\w*|(rayas|lineas) roja\w*|cada vez mas roj\w*)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Infection();

    [GeneratedRegex(@"\b(pantorrilla\w* (\w+ ){0,4}(hinchad\w*|roj\w*|calient\w*)|(hinchad\w*|roj\w*|calient\w*) (\w+ ){0,4}pantorrilla|pierna (\w+ ){0,3}mas (gorda|hinchada|grande) (que|q) la (otra|izquierda|derecha)|una pierna mas (gorda|hinchada|grande)|coagulo|trombosis|trombo\b|se (me|le) hincho (toda )?la (pierna|pantorrilla)|(hinchad\w*|hincho) (\w+ ){0,3}roj\w* (\w+ ){0,3}(calient\w*|duele|dolor))", RegexOptions.ExplicitCapture)]
    private static partial Regex Clot();

    [GeneratedRegex(@"\b((pie|pies|dedos|mano|manos|pierna|piernas)( \w+){0,6} ((frio|fria|frios|frias|helad\w*)( \w+){0,3} (blanc\w*|palid\w*|morad\w*|azul\w*|gris\w*|no (siento|siente))|(blanc\w*|palid\w*|morad\w*|azul\w*|gris\w*)( \w+){0,3} (frio|fria|frios|frias|helad\w*|entumid\w*))|(dedos|pie|pies|pierna|mano|manos) (\w+ ){0,4}azul\w*|(pierna|pie|mano|brazo) se me (enfrio|puso (fria|frio|helada|helado|blanca|blanco))|(se me|se le) enfrio (la|el) (pierna|pie|mano|brazo))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex ColdLimb();

    [GeneratedRegex(@"\b(desmay\w*|perd\w* el conocimiento|se (cayo|cae) (al piso|redondo)|(se cayo|se desplomo|se desmayo)( \w+){0,4} (no (contesta|responde|reacciona)|como ida?\b)|convulsion\w*)", RegexOptions.ExplicitCapture)]
    private static partial Regex Collapse();

    [GeneratedRegex(@"\b((dolor|duele|presion|opresion|peso|apret\w*|aplast\w*|punzada) (\w+ ){0,3}(en el |del |de )?pecho|pecho (\w+ ){0,3}(duele|dolor|presion|apret\w*)|se (agarra|toca) el pecho|infarto|ataque al corazon|corazon (\w+ ){0,2}(late|palpita) (\w+ ){0,3}(desmay\w*|mare\w*))", RegexOptions.ExplicitCapture)]
    private static partial Regex ChestCardiac();

    [GeneratedRegex(@"\b((colaps\w*|perfor\w*|ponch\w*|pinch\w*) (\w+ ){0,2}(el |un )?pulmon|pulmon (colapsado|perforado|ponchado)|neumotorax|duele al respirar|respir\w* (muy )?(rapid\w*|agitad\w*)|respir\w* con (mucha )?dificultad)", RegexOptions.ExplicitCapture)]
    private static partial Regex Breathing();

    [GeneratedRegex(@"\b(no (para|paraba|deja|dejaba) de sangrar|sangra y sangra|sangr\w* (\w+ ){0,4}no (para|se detiene|se quita)|empap\w* (la |las )?(gasa|venda|curita)|sangre por todos lados|chorro de sangre|(llevo|lleva) (\w+ ){0,3}sangrando|sigue (saliendo|echando|brotando) sangre|(me|le) (sale|salio|esta saliendo|sigue saliendo) (muchisima|mucha|bastante|demasiada) sangre|(cambie|he cambiado|llevo) (\w+ ){0,2}(curitas|gasas|vendas|banditas)|a chorros|sigue sangrando)", RegexOptions.ExplicitCapture)]
    private static partial Regex Bleeding();

    // Asking in general: the risk, the signs, what to do if.
    [GeneratedRegex(@"(^ ?(es posible|se puede|puede|la puncion (seca )?puede|que tan comun|hay (algun )?riesgo|cuales son|como (se|distingo|saber|se si)|que pasa si|que hago si|y si)\b|\b(riesgo de|senales de|sintomas de|es posible que|tengo miedo de|me da miedo))", RegexOptions.ExplicitCapture)]
    private static partial Regex General();

    // History: it happened before, it is not happening now.
    [GeneratedRegex(@"\b(hace (\d+|un|unos|varios|muchos|dos|tres|cuatro|cinco) (anos|ano|meses|mes)|hace anos|el ano pasado|en (19|20)\d\d|de (joven|nino|nina|chico|chica)|antes tuve|tuve (un|una) (infarto|derrame|trombosis|embolia|coagulo))", RegexOptions.ExplicitCapture)]
    private static partial Regex History();

    [GeneratedRegex(@"\b(siempre|en invierno|toda la vida|desde (nino|nina|joven)|cuando hago (ejercicio|pesas|press)|cuando (entreno|corro)|a veces|en tratamiento|estoy controlad\w*|cuando (estoy|me pongo|ando) (nervios\w*|estresad\w*|ansios\w*))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex LongStanding();

    [GeneratedRegex(@"\b(gotita|poquito|un poco|poquita|leve|ya (paro|estoy bien|se me paso|paso)|pero ya|paro al apretar)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Mild();

    [GeneratedRegex(@"\b(no (para|deja|puedo|puede|responde|reacciona)|de repente|fuerte|brazo|quijada|mandibula|sudad\w*|sudando|inconsciente|confundid\w*)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Severe();

    // Happening now: overrides general, history and mildness.
    [GeneratedRegex(@"\b(ahora|ahorita|de repente|de golpe|desde (hoy|anoche|ayer|esta manana|hace un rato|la sesion|que me)|cada vez (mas|peor)|no para|ya empape|en este momento)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Now();
}
