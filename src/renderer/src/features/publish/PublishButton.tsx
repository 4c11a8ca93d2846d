import { useState } from 'react';
import { Upload } from 'lucide-react';
import { Button } from '../../ui/Button';
import { PublishDialog } from './PublishDialog';

/** The lesson screen's way to publish: a button and the dialog it opens. */
export function PublishButton({ lessonId, isDisabled = false }: { lessonId: string; isDisabled?: boolean }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onPress={() => setOpen(true)} isDisabled={isDisabled}>
        <Upload size={14} aria-hidden="true" />
        Publish…
      </Button>
      <PublishDialog lessonId={lessonId} isOpen={isOpen} onOpenChange={setOpen} />
    </>
  );
}
