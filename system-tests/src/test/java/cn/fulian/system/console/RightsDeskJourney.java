package cn.fulian.system.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fulian.system.security.IdNumbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * A rights officer's case from intake to follow-up, in the browser, on one screen size: 鼓楼区's officer registers a
 * case, opens it, sees the complainant masked, asks to see her in full with a reason, and hands the case down to
 * 鼓东街道; 鼓东街道's officer finds it among the cases transferred in, takes it over, accepts it, records a step,
 * closes it with an outcome and records the follow-up. Every page is checked for sideways overflow and kept as a
 * screenshot named {@code rights-<screen>-NN-…}.
 */
final class RightsDeskJourney {

    /** A screen the journey is run on, in CSS pixels. */
    enum Screen {
        DESK(1440, 900, false),
        PHONE(390, 844, true);

        final int width;
        final int height;
        final boolean mobile;

        Screen(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }
    }

    static final String CASE_NUMBER = "^\\S+-\\d{4}-\\d{4}$";
    private static final String GUDONG = "350100/350102/350102001";
    private static final String REASON = "回访前核实联系电话";

    private final ConsolePlatform platform;
    private final Path shots;
    private final Screen screen;
    private final String prefix;
    private final String name;
    private final String phone;
    private final String idNumber;
    private Browser b;
    private int step;

    RightsDeskJourney(ConsolePlatform platform, Path shots, Screen screen) {
        this.platform = platform;
        this.shots = shots;
        this.screen = screen;
        this.prefix = "rights-" + screen.name().toLowerCase() + "-";
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.name = "" + "林陈黄张李王吴刘".charAt(r.nextInt(8)) + "秀美丽桂淑翠素雪".charAt(r.nextInt(8))
                + "英娟玲芳珍兰梅琴".charAt(r.nextInt(8));
        this.phone = "138" + String.format("%08d", r.nextInt(100_000_000));
        this.idNumber = IdNumbers.random("350102");
    }

    void run() throws Exception {
        try (Browser browser = Browser.open(shots)) {
            b = browser;
            b.viewport(screen.width, screen.height, screen.mobile);
            String base = platform.gatewayUrl;

            // 鼓楼区's officer lands on the case list
            b.login(base, "gulou-rights");
            b.waitFor(ExpectedConditions.urlMatches("#/cases$"));
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=case-filters]")));
            assertThat(b.text("main h1")).isEqualTo("维权案件");
            check("cases");
            if (screen.mobile) {
                b.click("[data-test=menu-toggle]");
                assertThat(b.visible("#menu-items a[href='#/cases']").getText()).isEqualTo("维权案件");
                check("menu-open");
                b.click("[data-test=menu-toggle]");
            }

            // a form sent empty names every missing field beside it and saves nothing
            b.click("[data-test=register-case]");
            b.click("[data-test=save-case]");
            for (String field : List.of("channel", "category", "complainant.name", "account")) {
                assertThat(b.text("[data-field='" + field + "'] .field-error"))
                        .as("message beside %s", field)
                        .containsPattern("\\p{IsHan}");
            }
            assertThat(b.text("[data-test=case-form] .alert")).contains("尚未保存");
            check("register-errors");

            b.select("[data-field=channel] select", "HOTLINE_12338");
            b.select("[data-field=category] select", "DOMESTIC_VIOLENCE");
            b.type("[data-field='complainant.name'] input", name);
            b.type("[data-field='complainant.phone'] input", phone);
            b.type("[data-field='complainant.idNumber'] input", idNumber);
            b.type("[data-field='complainant.address'] input", "福州市鼓楼区东街88号");
            b.type("[data-field='respondent.name'] input", "陈某某");
            b.type("[data-field='respondent.relation'] input", "丈夫");
            b.type("[data-field=account] textarea", "当事人来电反映长期遭受家庭暴力，请求帮助。");
            check("register-filled");
            b.click("[data-test=save-case]");
            String number = b.text("[data-test=case-registered] [data-test=case-number]");
            assertThat(number).matches(CASE_NUMBER).startsWith("鼓楼-");
            assertThat(b.text("[data-test=case-registered] .alert"))
                    .contains("案件已登记")
                    .contains(number);
            check("registered");

            // back on the list the new case is a row (a card on a phone); the number finds it
            b.click("[data-test=back-to-list]");
            String row = "[data-test=case-row][data-number='" + number + "']";
            assertThat(b.text(row)).contains("家庭暴力", "已登记", "鼓楼区").containsPattern("剩余\\d+天");
            assertThat(b.text(row)).doesNotContain(name);
            b.type("[data-test=q]", number);
            b.click("[data-test=case-filters] button[type=submit]");
            b.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=total]"), "共1件"));
            assertThat(b.all("[data-test=case-row]")).hasSize(1);
            check("list-found");

            // the case opens masked
            b.click(row);
            b.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=case-number]"), number));
            String id = b.driver.getCurrentUrl().replaceFirst(".*#/cases/", "");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("已登记");
            assertThat(b.text(".case-head [data-test=countdown]")).matches("剩余\\d+天");
            assertThat(b.text("[data-test=complainant-name]")).isEqualTo(name.charAt(0) + "**");
            assertThat(b.text("[data-test=complainant-phone]"))
                    .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(b.text("[data-test=account]")).isEqualTo("（已隐藏）");
            assertThat(b.driver.getPageSource()).doesNotContain(name, phone, idNumber);
            check("case-masked");

            // 查看完整信息 asks why, then shows her and says the view is recorded
            b.click("[data-test=unmask]");
            b.click("[data-test=unmask-confirm]");
            assertThat(b.text("[data-test=unmask-form] [data-field=reason] .field-error"))
                    .contains("原因");
            check("unmask-reason-missing");
            b.type("[data-test=unmask-form] [data-field=reason] input", REASON);
            b.click("[data-test=unmask-confirm]");
            assertThat(b.text("[data-test=recorded]")).startsWith("本次查看已记录");
            assertThat(b.text("[data-test=complainant-name]")).isEqualTo(name);
            assertThat(b.text("[data-test=complainant-phone]")).isEqualTo(phone);
            assertThat(b.text("[data-test=complainant-id]")).isEqualTo(idNumber);
            assertThat(b.text("[data-test=account]")).contains("家庭暴力");
            check("case-unmasked");
            JsonNode read = platform.get(
                            "/api/rights/audit?caseId=" + id + "&username=gulou-rights", platform.token("admin"))
                    .path("items")
                    .path(0);
            assertThat(read.path("reason").asString()).isEqualTo(REASON);
            assertThat(read.path("action").asString()).isEqualTo("VIEW");
            assertThat(read.path("userUnit").asString()).isEqualTo("350100/350102");
            assertThat(read.path("fields").valueStream().map(JsonNode::asString))
                    .contains("complainant.name", "complainant.phone", "complainant.idNumber", "account");

            // 转办 to 鼓东街道: without a reason the field says so; with one the case waits for 鼓东街道
            b.click("[data-test=action-TRANSFER]");
            b.waitFor(d ->
                    !b.all("[data-test=to-unit] option[value='" + GUDONG + "']").isEmpty());
            assertThat(b.text("[data-test=to-unit]")).contains("上报：福州市", "交办：鼓东街道");
            b.select("[data-test=to-unit]", GUDONG);
            b.click("[data-test=submit-TRANSFER]");
            assertThat(b.text("[data-test=panel-TRANSFER] [data-field=reason] .field-error"))
                    .containsPattern("\\p{IsHan}");
            check("transfer-reason-missing");
            b.type("[data-test=panel-TRANSFER] [data-field=reason] textarea", "属地办理，请鼓东街道跟进");
            b.click("[data-test=submit-TRANSFER]");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test=notice]"), "已转办至鼓东街道"));
            assertThat(b.text("[data-test=pending-transfer]")).contains("等待对方接收");
            assertThat(b.text("[data-test=complainant-name]"))
                    .as("masked again after an action")
                    .isEqualTo(name.charAt(0) + "**");
            assertThat(b.all("[data-test=action-TRANSFER]")).isEmpty();
            check("transferred");

            // 鼓东街道's officer finds it among the cases transferred in and takes it over
            b.click("form.logout button");
            b.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
            b.login(base, "gudong-rights");
            b.waitFor(ExpectedConditions.urlMatches("#/cases$"));
            b.select("[data-test=transfer]", "IN");
            assertThat(b.text(row)).contains("已登记", "待鼓东街道接收", "鼓楼区");
            check("transferred-in");
            b.click(row);
            b.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=case-number]"), number));
            assertThat(b.text("[data-test=pending-transfer]")).contains("鼓楼区将本案交办给本单位");
            assertThat(b.all("[data-test=unmask]")).as("not yet its case").isEmpty();
            check("incoming");
            act("TRANSFER_ACCEPT", "已接收，本单位现为承办单位。");
            assertThat(b.text("[data-test=handling-unit]")).isEqualTo("鼓东街道");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("已登记");
            check("taken-over");

            // 受理, a step, 结案 with an outcome, 回访
            act("ACCEPT", "已受理");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("已受理");
            b.click("[data-test=action-STEP]");
            b.select("[data-test=panel-STEP] [data-field=type] select", "MEDIATION");
            b.type("[data-test=panel-STEP] [data-field=note] textarea", "组织双方调解一次");
            submit("STEP", "已记录办理情况");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("办理中");
            check("in-progress");

            b.click("[data-test=action-CLOSE]");
            b.select("[data-test=panel-CLOSE] [data-field=outcome] select", "MEDIATED");
            b.type("[data-test=panel-CLOSE] [data-field=summary] textarea", "双方达成调解协议");
            check("close-form");
            submit("CLOSE", "已结案");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("已办结");
            assertThat(b.text("[data-test=outcome]")).contains("调解成功").contains("按期办结");
            assertThat(b.all(".case-head [data-test=countdown]")).isEmpty();
            check("closed");

            b.click("[data-test=action-FOLLOW_UP]");
            b.click("[data-test=satisfaction-SATISFIED]");
            check("follow-up-form");
            submit("FOLLOW_UP", "已记录回访");
            assertThat(b.text("[data-test=case-status]")).isEqualTo("已回访");
            assertThat(b.text("[data-test=satisfaction]")).isEqualTo("满意");
            assertThat(b.all("[data-test=action-REOPEN]")).hasSize(1);

            List<String> timeline = b.all("[data-test=timeline] li").stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(timeline).hasSize(7);
            assertThat(timeline.get(0)).contains("登记", "鼓楼区", "gulou-rights");
            assertThat(timeline.get(1)).contains("转办", "→ 鼓东街道", "鼓楼区", "gulou-rights");
            assertThat(timeline.get(2)).contains("接收", "鼓东街道", "gudong-rights");
            assertThat(timeline.get(3)).contains("受理", "gudong-rights");
            assertThat(timeline.get(4)).contains("办理", "调解");
            assertThat(timeline.get(5)).contains("结案");
            assertThat(timeline.get(6)).contains("回访");
            check("followed-up");

            // the same page in English: every label the desk reads is translated
            b.click(".tools > button.link");
            b.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-test=case-status]"), "Followed up"));
            assertThat(b.text("[data-test=personal] h2")).isEqualTo("Complainant");
            assertThat(b.text("[data-test=timeline]"))
                    .contains("Registered", "Transferred", "Transfer accepted", "Accepted", "Mediation", "Closed");
            assertThat(b.text("[data-test=outcome]")).contains("Mediated", "On time");
            check("english-case");
            b.go(base + "/#/cases");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Rights cases"));
            assertThat(b.text(row)).contains("Domestic violence", "Followed up");
            check("english-list");
            b.click(".tools > button.link");
            b.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "维权案件"));

            JsonNode stored = platform.get("/api/rights/cases/" + id, platform.token("gudong-rights"));
            assertThat(stored.path("caseNumber").asString()).isEqualTo(number);
            assertThat(stored.path("status").path("code").asString()).isEqualTo("FOLLOWED_UP");
            assertThat(stored.path("handlingUnit").path("path").asString()).isEqualTo(GUDONG);
            assertThat(stored.path("satisfaction").asInt()).isEqualTo(5);
        }
    }

    /** Opens an action that needs no input and confirms it. */
    private void act(String action, String confirmation) throws IOException {
        b.click("[data-test=action-" + action + "]");
        submit(action, confirmation);
    }

    /** Submits the open action's form and waits for its confirmation. */
    private void submit(String action, String confirmation) {
        b.click("[data-test=submit-" + action + "]");
        b.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=notice]"), confirmation));
        assertThat(b.all("[data-test=problem]")).isEmpty();
    }

    /** The page as the user sees it now: nothing sticks out sideways, and a screenshot of the whole page. */
    private void check(String what) throws IOException {
        step++;
        String shot = prefix + String.format("%02d", step) + "-" + what;
        b.screenshotPage(shot);
        b.assertNothingOverflowsSideways(shot);
    }
}
