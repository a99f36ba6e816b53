/**
 * The registers: petitions (intake, the legal steps the server allows, deadlines and overdue flags)
 * and the record registers (reception and dialogues, mediation, campaigns and oversight, Dân vận
 * khéo, commendations): lists with search, filters and paging, entry and edit forms, detail pages
 * with attachments. URL: #/registers?reg=KEY[&id=N[&edit=1]|&new=1][&q=…]. This file is the page (tabs,
 * and the view the URL names); the views: petition-list / petition-detail / petition-form,
 * record-list / record-detail / record-editor, and register-shared / register-attachments.
 */
import { get, hasEndpoint, type Me } from "./api.ts";
import { REGISTER_FORMS } from "./register-forms.ts";
import { PetitionIntake } from "./petition-form.tsx";
import { Show, href, t, tf, useLoad, useRoute } from "./ui.tsx";
import { PetitionDetail } from "./petition-detail.tsx";
import { Petitions } from "./petition-list.tsx";
import { RecordDetail } from "./record-detail.tsx";
import { RecordEditor } from "./record-editor.tsx";
import { Records } from "./record-list.tsx";

export function RegistersPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const reg = params.get("reg") ?? "petitions";
  const id = Number(params.get("id")) || 0;
  const isNew = params.get("new") === "1" && me.abilities.includes("figures.write");
  const [s] = useLoad("registers", async () => ((await hasEndpoint("/api/registers"))
    ? (await get<{ registers: Array<{ key: string; label: string }> }>("/api/registers")).registers : null));
  const view = () => {
    if (reg === "petitions") return isNew ? <PetitionIntake me={me} /> : id ? <PetitionDetail key={id} me={me} id={id} /> : <Petitions me={me} />;
    if (!REGISTER_FORMS[reg]) return <p class="error" role="alert">{tf("Không có sổ \"{register}\".", { register: reg })}</p>;
    if (isNew) return <RecordEditor key={`new-${reg}`} me={me} register={reg} />;
    return id ? <RecordDetail key={`${reg}-${id}-${params.get("edit")}`} me={me} register={reg} id={id} edit={params.get("edit") === "1"} /> : <Records me={me} register={reg} />;
  };
  return (
    <div><div class="page-head"><h1>{t("Sổ theo dõi")}</h1></div>
      <Show s={s}>{(regs) => !regs ? <p class="placeholder">{t("Máy chủ chưa có sổ theo dõi.")}</p> : (
        <>
          <nav class="tabs" aria-label={t("Các sổ")}>
            {regs.map((r) => <a href={href("/registers", { reg: r.key })} aria-current={r.key === reg ? "page" : undefined}>{t(r.label, "register")}</a>)}
          </nav>
          {view()}
        </>
      )}</Show>
    </div>
  );
}
