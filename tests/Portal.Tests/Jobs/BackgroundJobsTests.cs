using System.Net;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using SecondaryPortal.Dns.Wire;
using SecondaryPortal.Engine.Jobs;
using SecondaryPortal.Engine.Outbound;
using SecondaryPortal.Engine.Zones;
using SecondaryPortal.Portal.Accounts;
using SecondaryPortal.Portal.Jobs;
using SecondaryPortal.Portal.Tests.Accounts;
using SecondaryPortal.Portal.Tests.Support;

namespace SecondaryPortal.Portal.Tests.Jobs;

/// <summary>The job system as a running server sets it up: the recurring jobs, and the dashboard for admins only.</summary>
public sealed class BackgroundJobsTests
{
    private const string Password = "Correct-horse-9";

    [Fact]
    public async Task AStartedServer_HasTheOverdueSweepAndTheAnalyticsRetentionAsRecurringJobs()
    {
        await using var portal = await RunningPortal.StartAsync();

        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().Select(job => (job.Id, job.Cron)).ToList();

        Assert.Contains((RecurringJobsRegistration.OverdueRefreshId, "*/5 * * * *"), recurring);
        Assert.Contains((RecurringJobsRegistration.AnalyticsRetentionId, "*/10 * * * *"), recurring);
    }

    [Fact]
    public async Task AnUnansweredNotify_IsScheduledAsAJobThatNamesItsZoneSerialAndSecondary()
    {
        await using var portal = await RunningPortal.StartAsync();

        portal.Services.GetRequiredService<INotifyRetryQueue>().Retry(DnsName.Parse("retry.example."), 7, IPEndPoint.Parse("192.0.2.53:53"));

        var scheduled = Assert.Single(portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10));
        Assert.Equal(nameof(NotifyRetryJob.RunAsync), scheduled.Value.Job.Method.Name);
        Assert.Equal(["retry.example.", 7u, "192.0.2.53:53"], scheduled.Value.Job.Args.Take(3));
    }

    [Fact]
    public async Task TransferNow_QueuesAJobThatNamesItsZone()
    {
        await using var portal = await RunningPortal.StartAsync();
        var requestedAt = DateTimeOffset.UtcNow;

        portal.Services.GetRequiredService<ITransferNowQueue>().Enqueue(DnsName.Parse("now.example."), fullTransfer: true, requestedAt);

        var monitoring = portal.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        // A worker may hold the job between two lists (fetched, not yet processing) for a moment: look until it shows.
        var ids = AllJobIds(monitoring).ToList();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ids.Count == 0 && DateTime.UtcNow < deadline; ids = AllJobIds(monitoring).ToList())
            await Task.Delay(50);
        var job = monitoring.JobDetails(Assert.Single(ids));
        Assert.Equal(nameof(TransferNowJob.RunAsync), job.Job.Method.Name);
        Assert.Equal(["now.example.", true, requestedAt], job.Job.Args.Take(3));
    }

    [Fact]
    public async Task TheJobsDashboard_SendsAnAnonymousVisitorToSignIn()
    {
        await using var portal = await RunningPortal.StartAsync();
        await AccountPagesTests.CreateAdminAsync(portal);
        using var anonymous = portal.Client();

        using var response = await anonymous.GetAsync(JobsDashboardEndpoints.Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJobsDashboard_RefusesACustomer_AsEveryAdminPageDoes()
    {
        await using var portal = await RunningPortal.StartAsync();
        await AccountPagesTests.CreateAdminAsync(portal);
        await CreateCustomerAsync(portal, "customer@example.com");
        using var customer = portal.Client();
        await SignInAsync(customer, "customer@example.com");

        using var jobs = await customer.GetAsync(JobsDashboardEndpoints.Path + "/recurring");
        using var accounts = await customer.GetAsync("/admin/accounts");

        Assert.Equal(accounts.StatusCode, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, jobs.StatusCode);
        Assert.DoesNotContain("overdue-refresh-sweep", await jobs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJobsDashboard_ShowsAnAdminTheRecurringJobs()
    {
        await using var portal = await RunningPortal.StartAsync();
        await AccountPagesTests.CreateAdminAsync(portal);
        using var admin = portal.Client();
        await SignInAsync(admin, "admin@example.com");

        using var response = await admin.GetAsync(JobsDashboardEndpoints.Path + "/recurring");
        string page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RecurringJobsRegistration.OverdueRefreshId, page, StringComparison.Ordinal);
        Assert.Contains(RecurringJobsRegistration.AnalyticsRetentionId, page, StringComparison.Ordinal);
    }

    /// <summary>Every job in the store, whatever state a worker has moved it to by now.</summary>
    private static IEnumerable<string> AllJobIds(IMonitoringApi monitoring) =>
        monitoring.EnqueuedJobs("default", 0, 100).Select(job => job.Key)
            .Concat(monitoring.ProcessingJobs(0, 100).Select(job => job.Key))
            .Concat(monitoring.SucceededJobs(0, 100).Select(job => job.Key))
            .Concat(monitoring.FailedJobs(0, 100).Select(job => job.Key))
            .Distinct();

    private static async Task CreateCustomerAsync(RunningPortal portal, string email)
    {
        using var scope = portal.Services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, Password, admin: false);
        Assert.True(created.Succeeded, created.Message);
    }

    private static async Task SignInAsync(PortalClient client, string email)
    {
        var login = await client.PageAsync("/account/login");
        using var response = await client.SubmitAsync(login, "form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
