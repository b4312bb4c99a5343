using System.Collections.Concurrent;
using System.Collections.Frozen;
using Faq.Core.Analysis;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Faq.Core.Languages;

/// <summary>Which Spanish stemmer the Spanish analysis uses; the choice was measured on the Spanish dev set (README, "Languages").</summary>
internal enum SpanishStemmerKind
{
    /// <summary>Lucene.Net's Snowball Spanish stemmer (the Snowball project's algorithm).</summary>
    Snowball,

    /// <summary>Lucene.Net's light Spanish stemmer (plural and gender endings only, Savoy's).</summary>
    Light,

    /// <summary>No stemming: the folded word.</summary>
    None,
}

/// <summary>
/// Spanish text analysis for the Spanish index: the same folding and tokenising as English (accents dropped, so
/// "punción" and "puncion" are one word, as patients type it either way), Spanish stop words that keep the words
/// carrying intent (question words, negations, time and quantity), domain synonyms and a Spanish stemmer.
/// </summary>
public static class SpanishAnalysis
{
    private static readonly ConcurrentDictionary<string, string> SnowballCache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> LightCache = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static SpanishStemmer? _snowball;

    [ThreadStatic]
    private static SpanishLightStemmer? _light;

    /// <summary>The stemmer in use (see <see cref="SpanishStemmerKind"/>).</summary>
    internal const SpanishStemmerKind Stemmer = SpanishStemmerKind.Snowball;

    /// <summary>The Spanish analyzer with the built-in domain synonyms.</summary>
    public static TextAnalyzer Analyzer => Shipped.Value;

    /// <summary>An analyzer with the given stemmer, to compare stemmers on the same questions.</summary>
    internal static TextAnalyzer Create(SpanishStemmerKind kind)
    {
        Func<string, string> stem = kind switch
        {
            SpanishStemmerKind.Snowball => SnowballStem,
            SpanishStemmerKind.Light => LightStem,
            _ => static word => word,
        };
        return new TextAnalyzer(new SynonymTable(SynonymGroups, stem), stem, IsStopWord);
    }

    /// <summary>The Snowball stem of a folded Spanish word.</summary>
    public static string Stem(string word) => SnowballStem(word);

    private static string SnowballStem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3 || SnowballCache.Count > 100_000)
        {
            return word.Length < 3 ? word : SnowballNow(word);
        }

        return SnowballCache.GetOrAdd(word, SnowballNow);
    }

    private static string SnowballNow(string word)
    {
        // The Snowball program is not thread-safe: one per thread.
        var stemmer = _snowball ??= new SpanishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static string LightStem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length < 3 ? word : LightCache.GetOrAdd(word, static w =>
        {
            var stemmer = _light ??= new SpanishLightStemmer();
            var buffer = w.ToCharArray();
            return new string(buffer, 0, stemmer.Stem(buffer, buffer.Length));
        });
    }

    /// <summary>Whether a folded word is a Spanish function word or chat filler.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// Spanish function words and chat filler, folded (no accents). Kept out of this list on purpose, because they carry
    /// a patient's intent: question words ("cuanto", "cuando", "quien", "donde", "como", "porque"), negations ("no",
    /// "sin", "nunca"), time and quantity ("despues", "antes", "durante", "mucho", "veces") and comparison ("igual", "mismo").
    /// </summary>
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "al", "algo", "alguien", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "aqui", "asi", "aun",
        "bueno", "buena", "buenas", "buenos", "cada", "con", "contra", "cual", "cuales", "de", "del", "desde", "dias",
        "e", "el", "ella", "ellas", "ello", "ellos", "en", "entonces", "entre", "era", "eran", "eres", "es", "esa", "esas",
        "ese", "eso", "esos", "esta", "estaba", "estan", "estar", "estas", "este", "esto", "estos", "estoy", "fue", "fueron",
        "ha", "han", "has", "hasta", "he", "hola", "gracias", "la", "las", "le", "les", "lo", "los", "me", "mi", "mis",
        "muy", "nos", "nosotros", "o", "oiga", "oigan", "os", "para", "pero", "pues", "q", "que", "se", "ser", "si", "sobre",
        "somos", "son", "soy", "su", "sus", "tal", "tambien", "te", "ti", "tu", "tus", "u", "un", "una", "unas", "uno", "unos",
        "usted", "ustedes", "vez", "y", "ya", "yo", "eh", "ah", "ok", "oye", "hey", "porfa", "favor", "disculpe", "perdon",
        "tardes", "noches", "saludos", "pregunta", "preguntar", "preguntita", "duda", "dudita", "saber", "quisiera",
        "queria", "quiero", "gustaria", "podria", "puede", "pueden", "decir", "dice", "dicen", "dijeron", "dijo", "explicar",
        "explica", "exactamente", "realmente", "verdad", "entonces", "osea", "bien", "ese", "eso", "cosa", "cosas", "tipo",
        "normal", "normalmente", "oi", "escuche", "lei", "recomendo", "recomendaron", "mando", "mandaron", "tengo", "tiene",
        "tienen", "tener", "hay", "hacer", "hace", "hacen", "hago", "va", "voy", "van", "ir", "estaria", "seria", "sera",
        "doctor", "doctora", "doc", "senor", "senora", "senorita", "mija", "mijo", "ustedes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Domain synonyms, first of each group canonical, matched on stems after folding. Deliberately small: the lay words,
    /// regional words and abbreviations of the domain, not the paraphrases of any one entry. "Seguro" is left out on
    /// purpose: it means both "insurance" and "safe".
    /// </summary>
    private static readonly IReadOnlyList<IReadOnlyList<string>> SynonymGroups =
    [
        ["puncion seca", "dry needling", "puncion", "puncion de puntos gatillo", "dn", "tdn"],
        ["aguja", "agujas", "agujita", "agujitas", "pinchazo", "pinchazos", "piquete", "piquetes"],
        ["fascitis plantar", "fascitis", "fasceitis", "fasciitis", "fasciitis plantar", "fasciosis plantar", "pf"],
        ["talon", "talones", "calcaneo", "calcanar"],
        ["sesion", "cita", "citas", "consulta", "consultas", "visita", "visitas"],
        ["anticoagulante", "anticoagulantes", "warfarina", "coumadin", "eliquis", "apixaban", "xarelto", "rivaroxaban", "sintrom", "heparina", "clopidogrel", "plavix", "adelgazar la sangre", "sangre delgada", "diluir la sangre"],
        ["dolor", "duele", "duelen", "doler", "dolio", "doloroso", "dolorosa", "dolorosos"],
        ["adolorido", "adolorida", "dolorido", "dolorida", "molestia", "molestias", "agujetas"],
        ["acupuntura", "acupunturista", "acupuntor"],
        ["fisioterapeuta", "fisio", "terapeuta fisico", "fisioterapia", "terapia fisica", "fisioterapista"],
        ["costo", "cuesta", "precio", "precios", "cobran", "cobra", "tarifa", "caro", "barato", "pagar"],
        ["aseguranza", "seguro medico", "aseguradora", "cobertura", "cubre", "medicare", "medicaid", "reembolso", "reembolsan"],
        ["reservar", "agendar", "hacer una cita", "sacar cita", "sacar una cita", "pedir cita", "pedir una cita", "programar una cita", "apartar"],
        ["ejercicio", "ejercicios", "entrenar", "entrenamiento", "gimnasio", "gym", "pesas", "hacer deporte"],
        ["correr", "corro", "corredor", "corredora", "corredores", "trotar", "trote", "running"],
        ["maraton", "media maraton", "carrera", "carreras", "competencia"],
        ["efecto secundario", "efectos secundarios", "efecto adverso", "efectos adversos", "complicacion", "complicaciones", "reaccion adversa"],
        ["cortisona", "esteroide", "esteroides", "corticoide", "corticoides", "corticosteroide"],
        ["inyeccion", "inyecciones", "inyectar", "inyectan", "infiltracion"],
        ["medicamento", "medicamentos", "medicina", "medicinas", "pastilla", "pastillas", "farmaco", "farmacos", "medicacion"],
        ["embarazada", "embarazo", "en estado", "esperando un bebe"],
        ["tendinopatia", "tendinitis", "tendinosis", "tendonitis"],
        ["pantorrilla", "pantorrillas", "chamorro", "chamorros", "gemelo", "gemelos"],
        ["pie", "pies"],
        ["miedo", "asustado", "asustada", "panico", "fobia", "terror", "nerviosa", "nervioso"],
        ["certificado", "certificada", "certificacion", "capacitado", "capacitada", "capacitacion", "licencia", "titulo", "acreditado", "calificado", "entrenado", "formacion"],
        ["diferencia", "diferente", "diferencias", "distinto", "distinta", "vs", "versus", "comparar", "comparacion", "parecido", "igual"],
        ["evidencia", "estudios", "estudio", "investigacion", "ciencia", "cientifica", "cientifico", "comprobado", "pruebas"],
        ["espasmo", "contraccion", "brinco", "brinca", "salto", "salta", "tic", "tirones"],
        ["hidratar", "hidratacion", "hidratado", "tomar agua", "beber agua"],
        ["electroestimulacion", "estimulacion electrica", "electropuncion", "corriente electrica", "corriente", "electricidad", "tens", "e stim"],
        ["no", "nunca", "tampoco", "ni"],
    ];

    // Built on first use, after the tables above are initialised.
    private static class Shipped
    {
        public static readonly TextAnalyzer Value = Create(Stemmer);
    }
}
