package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator's day in the browser, on one screen size: the unit tree with its types; a tree file with mistakes
 * checked by a dry run that names each bad row and column and imports nothing; a good file checked and imported; a
 * new account for the new community, whose temporary password is shown once. Every page is checked for sideways
 * overflow and kept as a screenshot named {@code admin-<screen>-NN-…}.
 */
final class AdminJourney {

    private final ConsolePlatform platform;
    private final Path shots;
    private final RightsDeskJourney.Screen screen;
    private final String prefix;
    private Browser b;
    private int step;

    AdminJourney(ConsolePlatform platform, Path shots, RightsDeskJourney.Screen screen) {
        this.platform = platform;
        this.shots = shots;
        this.screen = screen;
        this.prefix = "admin-" + screen.name().toLowerCase() + "-";
    }

    void run() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100, 999);
        String community = "350102001" + n;
        String account = "sq" + n + "-" + screen.name().toLowerCase();
        Path bad = Files.createTempFile("tree-bad", ".csv");
        Files.writeString(
                bad,
                "代码,名称,类型,上级代码\n" + community + ",试点社区,社区,350102001\n350104900,,镇,350102\n",
                StandardCharsets.UTF_8);
        Path good = Files.createTempFile("tree-good", ".csv");
        Files.writeString(
                good, "代码,名称,类型,上级代码\n" + community + ",试点社区" + n + ",社区,350102001\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(shots)) {
            b = browser;
            b.viewport(screen.width, screen.height, screen.mobile);

            // the administrator lands on the unit tree: 福州市 and the units below it with their types
            b.login(platform.gatewayUrl, "admin");
            b.waitFor(ExpectedConditions.urlMatches("#/admin/units$"));
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-unit='350102']")));
            assertThat(b.text("main h1")).isEqualTo("组织机构");
            assertThat(b.text("[data-unit='350102']")).contains("鼓楼区", "区");
            assertThat(b.text("[data-unit='350102001']")).contains("鼓东街道", "街道");
            check("units");

            // a file with mistakes: the dry run names each bad row and column, and nothing is imported
            b.driver.findElement(By.cssSelector("[data-test=import-file]")).sendKeys(bad.toString());
            b.click("[data-test=unit-import] button");
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=import-errors]")));
            String errors = b.text("[data-test=import-errors]");
            assertThat(errors).contains("3").contains("name").containsPattern("\\p{IsHan}");
            assertThat(b.text("[data-test=unit-import] .alert")).contains("未导入任何单位");
            check("import-errors");
            assertThat(b.all("[data-unit='" + community + "']")).isEmpty();

            // the corrected file: checked, then imported, and the community is in the tree
            b.driver.findElement(By.cssSelector("[data-test=import-file]")).sendKeys(good.toString());
            b.click("[data-test=unit-import] button");
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=import-report]")));
            assertThat(b.text("[data-test=import-report]")).contains("检查通过", "新增1个");
            check("import-checked");
            b.click("[data-test=unit-import] button.primary");
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-unit='" + community + "']")));
            assertThat(b.text("[data-unit='" + community + "']")).contains("试点社区" + n, "社区");
            check("imported");

            // an account for the new community: the temporary password is shown once
            b.go(platform.gatewayUrl + "/#/admin/users");
            b.click("[data-test=new-user]");
            b.type("[data-field=username] input", account);
            b.type("[data-field=name] input", "周桂英");
            b.select("[data-field=unitCode] select", community);
            check("new-account");
            b.click("[data-test=user-form] button[type=submit]");
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=temporary-password]")));
            assertThat(b.text("[data-test=temporary-password] code")).matches("[A-Za-z0-9]{12}");
            assertThat(b.text("[data-user='" + account + "']")).contains("周桂英", community, "工作人员");
            check("account-created");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

    private void check(String what) throws IOException {
        step++;
        String shot = prefix + String.format("%02d", step) + "-" + what;
        b.screenshotPage(shot);
        b.assertNothingOverflowsSideways(shot);
    }
}
