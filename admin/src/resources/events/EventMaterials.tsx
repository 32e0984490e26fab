import { useRecordContext, useTranslate } from "react-admin";
import { FilesPanel } from "../../components/FileTable";
import { useCanWrite } from "../../lib/resource";
import { useWriteScope } from "../../lib/writeScope";
import { access } from "./access";
import type { EventRecord } from "./types";

/**
 * The event's materials (programme, presentations, photos) that passed their checks, newest
 * first, each downloaded through the logged download; those who may edit the event upload more.
 */
export const EventMaterials = () => {
  const event = useRecordContext<EventRecord>();
  const translate = useTranslate();
  const canWrite = useCanWrite({ access });
  const scope = useWriteScope();
  if (!event) {
    return null;
  }
  const canUpload = canWrite && scope.canWriteRegion(event.region.id) && !event.archivedAt;
  const materials = event.materials ?? [];
  return (
    <FilesPanel
      owner={canUpload ? { purpose: "EVENT_MATERIAL", eventId: event.id } : null}
      uploadLabel={translate("dostup.events.materials.upload")}
      hint={translate("dostup.events.materials.hint")}
      emptyText={translate("dostup.events.materials.empty")}
      files={materials}
      testId="event-materials"
    />
  );
};
