export interface SectionHeadingProps {
  id: string;
  title: string;
  lead?: string;
  centered?: boolean;
}

export function SectionHeading({ id, title, lead, centered = true }: SectionHeadingProps) {
  return (
    <div className={`section-heading${centered ? ' section-heading--centered' : ''}`}>
      <h2 className="section-heading__title" id={id}>
        {title}
      </h2>
      {lead && <p className="section-heading__lead">{lead}</p>}
    </div>
  );
}
