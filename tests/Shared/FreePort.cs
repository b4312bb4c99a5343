using System.Net;
using System.Net.Sockets;

namespace Faq.Tests;

/// <summary>Loopback ports for the processes tests start.</summary>
internal static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
