package dev.darkfactory.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.darkfactory.server.TestServer;
import dev.darkfactory.server.api.StatusColors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in real Chromium: submit the quickstart pipeline, watch its nodes turn green, answer
 * the human gate by clicking, see the run finish and open a stage's response. Screenshots go to
 * {@code target/screenshots/}. Waits are on selectors and states, never fixed sleeps. Every request a
 * page makes is recorded, and each must go to the server under test (no CDN, no external fonts);
 * {@code data:} and {@code blob:} URLs are allowed.
 */
class WebUiBrowserTest {
  @TempDir static Path dataDir;
  static BrowserSupport chromium;
  static TestServer server;
  final List<String> pageErrors = new ArrayList<>();
  final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> origins = new ArrayList<>();

  @BeforeAll
  static void start() {
    chromium = BrowserSupport.launch();
    server = TestServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @AfterEach
  void noScriptErrors() {
    assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
  }

  @AfterEach
  void theUiKeepsToItsContentSecurityPolicy() {
    assertThat(policyViolations).as("Content-Security-Policy violations: the UI must comply, not the policy loosen").isEmpty();
  }

  @AfterEach
  void noRequestLeavesTheServer() {
    origins.add(origin(server));
    assertThat(requests).as("the pages made requests").isNotEmpty();
    assertThat(requests).as("every request goes to the server's own origin " + origins + " (or is data:/blob:)")
        .allSatisfy(url -> assertThat(url.startsWith("data:") || url.startsWith("blob:")
            || origins.stream().anyMatch(o -> url.equals(o) || url.startsWith(o + "/"))).as(url).isTrue());
  }

  private static String origin(TestServer server) {
    return server.url("");
  }

  private Page page() {
    Page page = chromium.page();
    page.onPageError(pageErrors::add);
    // Every refused inline style, script, connection or WebAssembly compile raises a securitypolicyviolation event.
    page.exposeFunction("reportPolicyViolation", args -> policyViolations.add(String.valueOf(args[0])));
    page.addInitScript("document.addEventListener('securitypolicyviolation', (e) =>"
        + " window.reportPolicyViolation(e.violatedDirective + ' refused ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));");
    page.onConsoleMessage(message -> {
      if (message.text().contains("Content Security Policy")) {
        policyViolations.add(message.text());
      }
    });
    // Context-wide, so workers and any popup are recorded too.
    page.context().onRequest(request -> requests.add(request.url()));
    return page;
  }

  @Test
  void submitWatchAnswerTheGateAndReadAResponse() {
    Page page = page();
    page.navigate(server.url("/#/new"));
    page.locator("#dot").fill(TestServer.pipeline("quickstart.dot"));
    assertThat(page.locator("#validity")).hasText(Pattern.compile("^Valid"));
    BrowserSupport.screenshot(page, "01-new-run");
    page.locator("#start").click();
    page.waitForURL(Pattern.compile(".*#/runs/[a-z0-9-]+$"));

    Locator plan = page.locator("#graph g.node[data-node=plan]");
    assertThat(plan).hasAttribute("data-status", "success");
    assertThat(plan.locator("polygon, ellipse, path").first()).hasAttribute("fill", StatusColors.fill("success"));
    assertThat(page.locator("#graph g.node[data-node=review]")).hasAttribute("data-status", "waiting");
    Locator approve = page.locator("#questions button[data-key=A]");
    assertThat(approve).isVisible();
    BrowserSupport.screenshot(page, "02-run-waiting-for-human");

    approve.click();
    assertThat(page.locator("#run-status")).hasAttribute("data-status", "success");
    assertThat(page.locator("#questions .question")).hasCount(0);
    assertThat(page.locator("#graph g.node[data-node=review]")).hasAttribute("data-status", "success");
    assertThat(page.locator("#decisions tbody tr")).not().hasCount(0);

    page.locator("#timeline li[data-node=plan]").click();
    page.locator("#stage button[data-tab=response]").click();
    assertThat(page.locator("pre[data-artifact=response]")).isVisible();
    assertThat(page.locator("pre[data-artifact=response]")).not().hasText("");
    page.locator("#stage button[data-tab=prompt]").click();
    assertThat(page.locator("pre[data-artifact=prompt]")).containsText("Add a --verbose flag");
    BrowserSupport.screenshot(page, "03-run-finished");

    page.navigate(server.url("/#/"));
    assertThat(page.locator("#runs tbody tr").first()).containsText("Quickstart");
    BrowserSupport.screenshot(page, "04-runs-board");
  }

  @Test
  void theQuickstartExampleRunsToTheEndWithItsNodesTurningGreen() throws java.io.IOException {
    String quickstart = java.nio.file.Files.readString(Path.of("..", "examples", "quickstart.dot"));
    Page page = page();
    page.navigate(server.url("/#/new"));
    page.locator("#dot").fill(quickstart);
    assertThat(page.locator("#validity")).hasText(Pattern.compile("^Valid"));
    page.locator("#start").click();
    page.waitForURL(Pattern.compile(".*#/runs/[a-z0-9-]+$"));
    assertThat(page.locator("#run-status")).hasAttribute("data-status", "success");
    for (String node : new String[] {"start", "plan", "implement", "test", "review"}) {
      assertThat(page.locator("#graph g.node[data-node=" + node + "]")).hasAttribute("data-status", "success");
    }
    assertThat(page.locator("#timeline li[data-node=test] .sub")).containsText("attempt 2");
    page.locator("#timeline li[data-node=review]").click();
    assertThat(page.locator("pre[data-artifact=response]")).isVisible();
    BrowserSupport.screenshot(page, "00-quickstart-finished");
  }

  @Test
  void theEditorShowsDiagnosticsAgainstTheirLines() {
    Page page = page();
    page.navigate(server.url("/#/new"));
    page.locator("#dot").fill(TestServer.pipeline("invalid.dot"));
    assertThat(page.locator("#validity")).hasText(Pattern.compile("error"));
    assertThat(page.locator("#start")).isDisabled();
    Locator error = page.locator("#diagnostics li[data-severity=error]").first();
    assertThat(error).isVisible();
    String line = error.getAttribute("data-line");
    if (line != null && !line.isEmpty()) {
      assertThat(page.locator(".gutter [data-line='" + line + "']")).hasClass(Pattern.compile("has-error"));
    }
    BrowserSupport.screenshot(page, "05-editor-diagnostics");
  }

  @Test
  void theEditorCountsEveryFindingButListsFew() {
    Page page = page();
    page.navigate(server.url("/#/new"));
    page.locator("#dot").fill(dev.darkfactory.server.api.ValidateLimitsTest.pipeline(40, false));
    assertThat(page.locator("#validity")).hasText(Pattern.compile("^Valid: Big, 42 nodes, 80 warning\\(s\\)"));
    assertThat(page.locator("#diagnostics li")).hasCount(21);
    assertThat(page.locator("#diagnostics li").last()).containsText("... and 60 more unknown_attribute warnings");
  }

  @Test
  void questionsPageAnswersAGateAndCancelStopsARunResumably() {
    String answered = server.submit(TestServer.pipeline("quickstart.dot"));
    server.awaitQuestion(answered);
    Page page = page();
    page.navigate(server.url("/#/questions"));
    Locator card = page.locator(".question").first();
    assertThat(card).isVisible();
    card.locator("button[data-key=A]").click();
    server.awaitStatus(answered, "success");

    String cancelled = server.submit(TestServer.pipeline("quickstart.dot"));
    server.awaitQuestion(cancelled);
    page.navigate(server.url("/#/runs/" + cancelled));
    page.locator("#cancel").click();
    assertThat(page.locator("#run-status")).hasAttribute("data-status", "stopped");
    page.locator("#resume").click();
    assertThat(page.locator("#questions button[data-key=A]")).isVisible();
    page.locator("#questions button[data-key=A]").click();
    assertThat(page.locator("#run-status")).hasAttribute("data-status", "success");
  }

  @Test
  void aRunThatPassedOverAFailedStageIsShownAsSuccessWithFailures() {
    String id = server.submit(Map.of("dot", """
        digraph Publish {
          start   [shape=Mdiamond]
          publish [shape=parallelogram, tool_command="echo 'no <b>CHANGELOG.md</b>' >&2; exit 1"]
          done    [shape=Msquare]
          start -> publish -> done
        }
        """));
    server.awaitStatus(id, "success_with_failures");
    Page page = page();
    page.navigate(server.url("/#/"));
    Locator badge = page.locator("#runs tr[data-run='" + id + "'] .badge").first();
    assertThat(badge).hasAttribute("data-status", "success_with_failures");
    assertThat(badge).hasText("success with failures");
    assertThat(badge).hasClass(Pattern.compile("s-success_with_failures"));
    assertThat(badge).not().hasCSS("border-color", "rgba(0, 0, 0, 0.08)");
    page.locator(".chips button", new Page.LocatorOptions().setHasText("success with failures")).click();
    assertThat(page.locator("#runs tbody tr")).hasCount(1);
    BrowserSupport.screenshot(page, "07-runs-board-success-with-failures");

    page.navigate(server.url("/#/runs/" + id));
    assertThat(page.locator("#run-status")).hasAttribute("data-status", "success_with_failures");
    assertThat(page.locator(".error-banner")).containsText("passed over a failed stage: publish");
    assertThat(page.locator("#graph g.node[data-node=publish]")).hasAttribute("data-status", "fail");
    assertThat(page.locator("#timeline li[data-node=publish]")).containsText("<b>CHANGELOG.md</b>");
  }

  @Test
  void theLoginLinkOpensTheUiAndItsEventStreamsOnATokenServer(@TempDir Path otherData) {
    String token = "browser-token-0123456789";
    try (TestServer guarded = TestServer.startWithToken(otherData, token, b -> {})) {
      origins.add(origin(guarded));
      String id = guarded.submit(TestServer.pipeline("quickstart.dot"));
      guarded.awaitQuestion(id);
      Page page = page();
      assertThat(page.navigate(guarded.url("/#/")).status()).isEqualTo(401);
      page.navigate(guarded.url("/?token=" + token));
      assertThat(page).hasURL(guarded.url("/"));
      page.navigate(guarded.url("/#/runs/" + id));
      page.locator("#questions button[data-key=A]").click();
      assertThat(page.locator("#run-status")).hasAttribute("data-status", "success");
      assertThat(page.locator("#graph g.node[data-node=review]")).hasAttribute("data-status", "success");
    }
  }

  @Test
  void scriptLinksInTheGraphNeverRunWithEitherRenderer(@TempDir Path otherData) {
    try (TestServer browserOnly = TestServer.start(otherData, b -> b.browserGraphs(true))) {
      origins.add(origin(browserOnly));
      for (TestServer target : List.of(server, browserOnly)) {
        String id = target.submit(TestServer.pipeline("xss-links.dot"));
        target.awaitStatus(id, "success");
        Page page = page();
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
          dialogs.add(dialog.message());
          dialog.dismiss();
        });
        page.navigate(target.url("/#/runs/" + id));
        assertThat(page.locator("#graph g.node[data-node=plan]")).hasAttribute("data-status", "success");
        String renderer = page.locator("#graph").getAttribute("data-renderer");
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.locator("#graph a").evaluateAll(
            "links => links.map(a => a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '')");
        assertThat(hrefs).as(renderer + " renderer: links in the graph").contains("https://example.com/runbook?a=1&b=2", "/pipelines")
            .allSatisfy(href -> assertThat(dev.darkfactory.server.svg.SafeLinks.isSafe(href)).as(href).isTrue());
        assertThat(page.locator("#graph [id=questions]")).hasCount(0);
        for (String node : new String[] {"start", "plan", "hex", "mixed", "data", "vb", "named", "label"}) {
          page.locator("#graph g.node[data-node=" + node + "]").click();
        }
        page.locator("#graph g.edge").first().click();
        assertThat(page.url()).as(renderer + " renderer: still on the run page").startsWith(target.url("/"));
        assertThat(dialogs).as(renderer + " renderer: script that ran").isEmpty();
        assertThat((Object) page.evaluate("() => document.querySelectorAll('#graph script, #graph foreignObject, #graph [onload]').length"))
            .isEqualTo(0);
      }
    }
  }

  @Test
  void withoutServerGraphvizTheBundledRendererDrawsTheGraph(@TempDir Path otherData) {
    try (TestServer browserOnly = TestServer.start(otherData, b -> b.browserGraphs(true))) {
      origins.add(origin(browserOnly));
      String id = browserOnly.submit(Map.of("dot", TestServer.pipeline("linear.dot")));
      browserOnly.awaitStatus(id, "success");
      Page page = page();
      page.navigate(browserOnly.url("/#/runs/" + id));
      assertThat(page.locator("#graph")).hasAttribute("data-renderer", "browser");
      assertThat(page.locator("#graph g.node[data-node=implement]")).hasAttribute("data-status", "success");
      BrowserSupport.screenshot(page, "06-browser-rendered-graph");
    }
  }
}
