package io.salesdesk.studio.board;

import io.salesdesk.board.BoardDefinition;
import io.salesdesk.board.BoardFilter;
import io.salesdesk.board.CardFact;
import io.salesdesk.board.CardFactSettings;
import io.salesdesk.core.Actor;
import io.salesdesk.studio.field.CustomEntity;
import io.salesdesk.studio.field.CustomFieldDraft;
import io.salesdesk.studio.field.CustomFieldService;
import io.salesdesk.studio.field.FieldType;
import java.util.List;

/**
 * The board designer's worked example, the goal's 大客户专项攻坚看板: tier-A customers in columns by the
 * choice field 攻坚阶段, each card with its owner, its competitors (竞争对手), its technical contact and
 * title, and its last three meeting or visit notes. Preparing it adds the two customer fields when the
 * workspace lacks them; fields it already has under those keys are used as they are.
 */
public final class KeyAccountBoardExample {

    public static final String NAME = "大客户专项攻坚看板";
    public static final String STAGE_KEY = "attack_stage";
    public static final String COMPETITOR_KEY = "competitor";
    public static final List<String> STAGES = List.of("建立关系", "技术交流", "方案论证", "商务谈判", "签约推进");
    public static final List<String> COMPETITORS = List.of("迈瑞", "GE", "飞利浦", "西门子", "联影", "其他");
    /** Title words that mark a customer's technical contact at a hospital, a lab or a distributor. */
    public static final String TECHNICAL_TITLES = "技术、设备科、信息科、工程师、实验室";

    private final CustomFieldService fields;

    public KeyAccountBoardExample(CustomFieldService fields) {
        this.fields = fields;
    }

    /**
     * Adds 攻坚阶段 and 竞争对手 to customers if missing, and returns the example board's definition.
     *
     * @throws io.salesdesk.core.SalesDeskException if the actor may not add fields
     */
    public BoardDefinition prepare(Actor actor) {
        List<String> keys = fields.allFields(CustomEntity.CUSTOMER).stream().map(f -> f.key()).toList();
        if (!keys.contains(STAGE_KEY)) {
            fields.define(actor, CustomEntity.CUSTOMER, new CustomFieldDraft("攻坚阶段", STAGE_KEY,
                    FieldType.SINGLE_CHOICE, STAGES, false, null, "大客户专项攻坚的进展，看板按它分列"));
        }
        if (!keys.contains(COMPETITOR_KEY)) {
            fields.define(actor, CustomEntity.CUSTOMER, new CustomFieldDraft("竞争对手", COMPETITOR_KEY,
                    FieldType.MULTI_CHOICE, COMPETITORS, false, null, "客户处已出现的竞品"));
        }
        return definition();
    }

    /** The example's definition, without touching the workspace. */
    public static BoardDefinition definition() {
        return new BoardDefinition("custom." + STAGE_KEY, null,
                List.of("owner", "custom." + COMPETITOR_KEY, CardFact.KEY_CONTACT.key(), CardFact.LAST_NOTES.key()),
                new BoardFilter(false, null, null, "A"), List.of(),
                new CardFactSettings(null, null, TECHNICAL_TITLES, 3, List.of("MEETING", "VISIT")));
    }
}
