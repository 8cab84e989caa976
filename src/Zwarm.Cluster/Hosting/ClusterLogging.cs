// Every zwarm-worker log goes to stderr, one line each (stdout is for `--json` data). Orleans is quiet below Warning;
// its options dump redacts connection strings ([Redact]) and zwarm logs only ClusterConnection.Display.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Zwarm.Cluster.Hosting;

public static class ClusterLogging
{
    public static void Configure(ILoggingBuilder logging, LogLevel orleansLevel)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Orleans", orleansLevel);
        logging.AddFilter("Microsoft", orleansLevel);
        logging.AddFilter("Npgsql", LogLevel.Warning);
        logging.AddFilter("Polly", orleansLevel); // Orleans 10 places grains through a Polly pipeline that logs every attempt
    }
}
