using SecondaryPortal.Portal.Cli;
using SecondaryPortal.Portal.Hosting;

// One binary: a verb ("zone import ...", "--help") runs and exits; anything else runs the server.
if (CliApplication.IsCommand(args))
    return await CliApplication.RunAsync(args, Console.Out, Console.Error);

var app = PortalApplication.Build(args);
await app.RunAsync();
return 0;
