package io.camelwechat.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.camelwechat.component.wechat.WeChatConstants;
import io.camelwechat.component.wechat.model.CategoryRequest;
import io.camelwechat.component.wechat.model.Certificate;
import io.camelwechat.component.wechat.model.Industry;
import io.camelwechat.component.wechat.model.IndustryClass;
import io.camelwechat.component.wechat.model.IndustryInfo;
import io.camelwechat.component.wechat.model.MediaUploadResult;
import io.camelwechat.component.wechat.model.SettableCategories.SettableCategory;
import io.camelwechat.component.wechat.model.SettableCategories;
import io.camelwechat.component.wechat.model.SettingCategories;
import io.camelwechat.component.wechat.model.SettingCategory;
import io.camelwechat.component.wechat.model.WeChatAck;
import org.apache.camel.ProducerTemplate;

/** The walk through every operation, one {@link Steps step} at a time. */
final class ExampleStory {

    private final ProducerTemplate template;
    private final ExampleTarget target;
    private final PrintStream out;
    private final Steps steps;

    // state carried from one step to the next
    private SettableCategories settable;
    private String mediaId;
    private SettableCategory open;
    private SettableCategory sensitive;

    private final AuditWatcherLog watcher;

    ExampleStory(ProducerTemplate template, ExampleTarget target, AuditWatcherLog watcher, PrintStream out) {
        this.template = template;
        this.target = target;
        this.watcher = watcher;
        this.out = out;
        this.steps = new Steps(out);
    }

    private static final Duration WATCHER_WAIT = Duration.ofSeconds(15);

    Steps.Result run() {
        out.println("camel-wechat examples against " + target.describe());
        if (target.writesAllowed()) {
            step("Set the industry (setIndustry) to express delivery + internet", this::setIndustry);
        }
        step("Read the industry back (getIndustry)", this::getIndustry);
        step("List the settable categories (getAllCategories)", this::settableCategories);
        step("List the categories set (getSettingCategories)", this::listCategories);
        if (target.writesAllowed()) {
            step("Upload a qualification picture (temporary media)", this::uploadPicture);
        }
        if (target.isSimulator()) {
            // against the real API these would spend the account's monthly category quota and submit a
            // category WeChat requires qualifications for without them, so they run on the simulator only
            step("Add two categories: one open, one sensitive without its qualification", this::addCategories);
            step("The watcher reports both under review", () -> watched(2));
            step("Let WeChat audit (the simulator's clock moves 11 minutes)", this::letAuditsComplete);
            step("The watcher reports one approved, one rejected", () -> watched(2));
            step("Modify the rejected category with its qualification (modifyCategory)", this::modifyRejected);
            step("The watcher reports it under review again", () -> watched(1));
            step("Let WeChat audit again", this::letAuditsComplete);
            step("The watcher reports it approved", () -> watched(1));
            step("Delete the open category (deleteCategory)", this::deleteOpen);
            step("The watcher reports it removed", () -> watched(1));
            step("List the categories set", this::listCategories);
        }
        if (!target.writesAllowed()) {
            out.println("  (read-only run: set WECHAT_EXAMPLES_WRITE=true to also set the industry and upload a picture)");
        }
        return steps.finish();
    }

    private void step(String title, Steps.Step step) {
        steps.step(title, step);
    }

    private String setIndustry() {
        WeChatAck ack = template.requestBodyAndHeaders("direct:set-industry", null, Map.of(
                WeChatConstants.INDUSTRY_ID1, Industry.TRANSPORT_EXPRESS.code(),
                WeChatConstants.INDUSTRY_ID2, Industry.IT_INTERNET_ECOMMERCE.code()), WeChatAck.class);
        return "errcode " + ack.errcode() + " " + ack.errmsg();
    }

    private String getIndustry() {
        IndustryInfo info = template.requestBody("direct:get-industry", null, IndustryInfo.class);
        return "primary " + describe(info.primaryIndustry()) + ", secondary " + describe(info.secondaryIndustry());
    }

    private static String describe(IndustryClass industry) {
        if (industry == null) {
            return "not set";
        }
        return industry.firstClass() + " / " + industry.secondClass()
               + industry.industry().map(known -> " (code " + known.code() + ")").orElse(" (unknown code)");
    }

    private String settableCategories() {
        settable = template.requestBody("direct:settable-categories", null, SettableCategories.class);
        open = settable.categories().stream().filter(category -> category.level() == 2 && !category.needsQualification())
                .findFirst().orElse(null);
        sensitive = settable.categories().stream().filter(category -> category.level() == 2
                                                                      && category.needsQualification())
                .findFirst().orElse(null);
        return settable.categories().size() + " categories"
               + (sensitive == null ? "" : "; " + name(sensitive) + " needs: " + qualificationName(sensitive));
    }

    private String listCategories() {
        SettingCategories listed = template.requestBody("direct:list-categories", null, SettingCategories.class);
        String categories = listed.categories().stream().map(ExampleStory::describe)
                .collect(Collectors.joining("; "));
        return listed.categories().size() + " set (quota " + listed.quota() + " of " + listed.limit()
               + " adds left, at most " + listed.categoryLimit() + ")" + (categories.isEmpty() ? "" : ": " + categories);
    }

    private static String describe(SettingCategory category) {
        return category.firstName() + "/" + category.secondName() + " "
               + AuditWatcherLog.status(category.auditStatus(), category.auditReason());
    }

    private String uploadPicture() throws IOException {
        try (InputStream picture = getClass().getResourceAsStream("/qualification-licence.png")) {
            if (picture == null) {
                throw new UncheckedIOException(new IOException("qualification-licence.png is missing"));
            }
            MediaUploadResult result = template.requestBodyAndHeader("direct:upload-qualification",
                    picture.readAllBytes(), WeChatConstants.MEDIA_FILE_NAME, "qualification-licence.png",
                    MediaUploadResult.class);
            mediaId = result.mediaId();
            return "media_id " + mediaId;
        }
    }

    private String addCategories() {
        requireTree();
        WeChatAck ack = template.requestBody("direct:add-category",
                io.camelwechat.component.wechat.model.AddCategoryRequest.of(
                        CategoryRequest.of(open.father(), open.id()),
                        CategoryRequest.of(sensitive.father(), sensitive.id())),
                WeChatAck.class);
        return name(open) + " and " + name(sensitive) + " submitted for audit (errcode " + ack.errcode() + ")";
    }

    private String watched(int changes) throws InterruptedException {
        return watcher.await(changes, WATCHER_WAIT).stream().map(AuditWatcherLog::describe)
                .collect(Collectors.joining("; "));
    }

    private String letAuditsComplete() {
        target.letAuditsComplete();
        return listCategories();
    }

    private String modifyRejected() {
        requireTree();
        WeChatAck ack = template.requestBodyAndHeaders("direct:modify-category", null, Map.of(
                WeChatConstants.CATEGORY_FIRST, sensitive.father(),
                WeChatConstants.CATEGORY_SECOND, sensitive.id(),
                WeChatConstants.CERTIFICATES, List.of(Certificate.of(qualificationName(sensitive), mediaId))),
                WeChatAck.class);
        return name(sensitive) + " resubmitted with " + qualificationName(sensitive) + " (errcode " + ack.errcode()
               + ")";
    }

    private String deleteOpen() {
        requireTree();
        WeChatAck ack = template.requestBodyAndHeaders("direct:delete-category", null, Map.of(
                WeChatConstants.CATEGORY_FIRST, open.father(),
                WeChatConstants.CATEGORY_SECOND, open.id()), WeChatAck.class);
        return name(open) + " deleted (errcode " + ack.errcode() + ")";
    }

    private void requireTree() {
        if (open == null || sensitive == null) {
            throw new IllegalStateException("the settable categories did not list an open and a sensitive category");
        }
    }

    private String name(SettableCategory category) {
        String father = settable.find(category.father()).map(SettableCategory::name).orElse("?");
        return father + "/" + category.name() + " (" + category.father() + "/" + category.id() + ")";
    }

    private static String qualificationName(SettableCategory category) {
        return category.qualify().exterList().get(0).innerList().get(0).name();
    }
}
