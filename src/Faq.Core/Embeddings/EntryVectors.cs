using Faq.Core.Content;

namespace Faq.Core.Embeddings;

/// <summary>Embedding vectors of an entry's question, its alternates and its answer, row after row.</summary>
/// <param name="ModelId">The embedding model that made them.</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="Data">Rows of <paramref name="Dimensions"/> floats: the question, then each alternate, then the answer.</param>
public sealed record EntryVectors(string ModelId, int Dimensions, float[] Data)
{
    /// <summary>How many rows an entry's vectors have: its question, each alternate and its answer.</summary>
    public static int RowCount(FaqEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Alternates.Count + 2;
    }

    /// <summary>Whether these vectors fit an entry with this many alternates, made by this model.</summary>
    public bool Fits(FaqEntry entry, string? modelId, int dimensions) =>
        ModelId == modelId && Dimensions == dimensions && Data.Length == RowCount(entry) * dimensions;

    /// <summary>Raw little-endian bytes, for storage.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Data.Length * sizeof(float)];
        Buffer.BlockCopy(Data, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Vectors from raw little-endian bytes.</summary>
    public static EntryVectors FromBytes(string modelId, int dimensions, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new FormatException("Stored vectors are not a whole number of floats.");
        }

        var data = new float[bytes.Length / sizeof(float)];
        bytes.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.AsSpan()));
        return new EntryVectors(modelId, dimensions, data);
    }
}
